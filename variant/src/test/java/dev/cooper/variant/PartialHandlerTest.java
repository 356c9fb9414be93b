package dev.cooper.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class PartialHandlerTest {
    private final PartialHandler<Msg, String> partial = Handler.builder(Msg.class)
            .on(Msg.Control.class, control -> "control")
            .on(Msg.Stop.class, stop -> stop.reason())
            .buildPartial();

    @Test
    void coveredCasesAnswerSomeAndTheOthersNone() {
        assertEquals(Option.some("control"), partial.applyOption(new Msg.Start()));
        assertEquals(Option.some("late"), partial.applyOption(new Msg.Stop("late")));
        assertEquals(Option.none(), partial.applyOption(new Msg.A(1)));
        assertEquals(Option.none(), partial.applyOption(Msg.Level.HIGH));
    }

    @Test
    void aCoveredCaseWhoseBranchReturnsNullAnswersSomeNull() {
        assertEquals(Option.some(null), partial.applyOption(new Msg.Stop(null)));
    }

    @Test
    void isDefinedAtTellsWhetherACaseHasABranch() {
        for (Msg msg : Samples.all()) {
            assertEquals(msg instanceof Msg.Control, partial.isDefinedAt(msg), msg::toString);
        }
    }

    @Test
    void buildPartialWithAFallbackIsRefused() {
        Handler.Builder<Msg, String> builder = Handler.builder(Msg.class)
                .on(Msg.A.class, a -> "a")
                .otherwise(msg -> "other");
        assertEquals("otherwise(...) makes the handler total; use build()",
                assertThrows(IllegalStateException.class, builder::buildPartial).getMessage());
    }

    @Test
    void partialOverEveryCaseIsDefinedEverywhere() {
        PartialHandler<Msg, String> total = Handler.builder(Msg.class).on(Msg.class, msg -> "msg").buildPartial();
        for (Msg msg : Samples.all()) {
            assertTrue(total.isDefinedAt(msg));
        }
        assertSame(Cases.of(Msg.class), total.cases());
    }

    @Test
    void nullMessageIsRefused() {
        assertEquals("message is null",
                assertThrows(NullPointerException.class, () -> partial.applyOption(null)).getMessage());
        assertEquals("message is null",
                assertThrows(NullPointerException.class, () -> partial.isDefinedAt(null)).getMessage());
    }
}
