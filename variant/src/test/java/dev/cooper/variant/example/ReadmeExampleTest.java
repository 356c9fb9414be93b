package dev.cooper.variant.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cooper.variant.Cases;
import dev.cooper.variant.Handler;
import dev.cooper.variant.MissingCasesException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of the README's first example, kept compiling and true. */
class ReadmeExampleTest {

    @Test
    void casesAndHandlerWorkAsTheReadmeSays() {
        Cases<Shop> cases = Cases.of(Shop.class);
        Shop order = ImmutableOrder.builder().item("tea").quantity(2).build();

        assertEquals(4, cases.count());                      // Ping, ImmutableOrder, Card, Cash (permits order)
        assertEquals("ImmutableOrder", cases.name(cases.tag(order)));

        Handler<Shop, String> describe = Handler.builder(Shop.class)
                .on(Shop.Ping.class, p -> "ping at " + p.at())
                .on(Shop.Payment.class, p -> "a payment")   // covers Card and Cash
                .on(Shop.Cash.class, c -> c.cents() + " cents in cash") // more specific: wins
                .on(Shop.Order.class, o -> o.quantity() + " x " + o.item())
                .build();

        assertEquals("2 x tea", describe.apply(order));
        assertEquals("a payment", describe.apply(new Shop.Card("4111", 500)));
        assertEquals("500 cents in cash", describe.apply(new Shop.Cash(500)));
    }

    @Test
    void aMissingCaseIsReportedWhenTheHandlerIsBuilt() {
        MissingCasesException e = assertThrows(MissingCasesException.class, () ->
                Handler.builder(Shop.class)
                        .on(Shop.Ping.class, p -> "ping")
                        .on(Shop.Card.class, c -> "card")
                        .build());
        assertEquals(List.of(ImmutableOrder.class, Shop.Cash.class), e.missing()); // tag order
    }
}
