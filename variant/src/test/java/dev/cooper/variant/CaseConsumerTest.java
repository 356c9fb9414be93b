package dev.cooper.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseConsumerTest {

    @Test
    void eachMessageGoesToTheBranchOfItsNearestRegisteredType() {
        List<String> seen = new ArrayList<>();
        CaseConsumer<Msg> consumer = Handler.consumer(Msg.class)
                .on(Msg.class, msg -> seen.add("msg"))
                .on(Msg.Admin.class, admin -> seen.add("admin"))
                .on(Msg.Stop.class, stop -> seen.add("stop " + stop.reason()))
                .on(Order.class, order -> seen.add("order " + order.quantity()))
                .build();
        Samples.oneOfEach().forEach(consumer);
        assertEquals(List.of("msg", "msg", "stop done", "admin", "admin", "msg", "msg", "msg", "order 2"), seen);
        assertSame(Cases.of(Msg.class), consumer.cases());
    }

    @Test
    void missingCasesAreAllNamed() {
        CaseConsumer.Builder<Msg> builder = Handler.consumer(Msg.class)
                .on(Msg.Sub.class, sub -> {});
        MissingCasesException e = assertThrows(MissingCasesException.class, builder::build);
        assertEquals(List.of(Msg.A.class), e.missing());
        assertEquals("handler over Msg misses 1 case: A"
                + " (add a branch for each, or for a sealed type above them, or otherwise(...))", e.getMessage());
    }

    @Test
    void otherwiseTakesEveryUncoveredCase() {
        List<Msg> other = new ArrayList<>();
        List<Msg> controls = new ArrayList<>();
        CaseConsumer<Msg> consumer = Handler.consumer(Msg.class)
                .on(Msg.Control.class, controls::add)
                .otherwise(other::add)
                .build();
        List<Msg> all = Samples.all();
        all.forEach(consumer);
        assertEquals(all.stream().filter(msg -> msg instanceof Msg.Control).toList(), controls);
        assertEquals(all.stream().filter(msg -> !(msg instanceof Msg.Control)).toList(), other);
    }

    @Test
    void registeringATypeTwiceIsRefused() {
        CaseConsumer.Builder<Msg> builder = Handler.consumer(Msg.class).on(Msg.A.class, a -> {});
        assertEquals("dev.cooper.variant.Msg$A is registered twice",
                assertThrows(IllegalStateException.class, () -> builder.on(Msg.A.class, a -> {})).getMessage());
    }

    @Test
    void nullsAreRefused() {
        assertEquals("root is null",
                assertThrows(NullPointerException.class, () -> Handler.consumer(null)).getMessage());
        assertEquals("branch is null", assertThrows(NullPointerException.class,
                () -> Handler.consumer(Msg.class).on(Msg.A.class, null)).getMessage());
        CaseConsumer<Msg> consumer = Handler.consumer(Msg.class).otherwise(msg -> {}).build();
        assertEquals("message is null",
                assertThrows(NullPointerException.class, () -> consumer.accept(null)).getMessage());
    }
}
