package dev.cooper.variant;

import java.util.List;

/** Instances of the test hierarchy {@link Msg}. */
final class Samples {
    private Samples() {}

    /** One instance of each case, in tag order. */
    static List<Msg> oneOfEach() {
        return List.of(
                new Msg.A(1),
                new Msg.Start(),
                new Msg.Stop("done"),
                new Msg.Reload(),
                new Msg.Shutdown(),
                new Msg.Compute(),
                new Msg.Upload(),
                Msg.Level.LOW,
                ImmutableOrder.builder().item("book").quantity(2).build());
    }

    /** {@link #oneOfEach()} plus instances whose class is not a leaf itself. */
    static List<Msg> all() {
        return List.of(
                new Msg.A(1),
                new Msg.A(2),
                new Msg.Start(),
                new Msg.Stop("done"),
                new Msg.Reload(),
                new Msg.Shutdown(),
                new Msg.Compute(),
                new Msg.Upload(),
                new Msg.Custom() {},
                Msg.Level.LOW,
                Msg.Level.HIGH,
                ImmutableOrder.builder().item("book").quantity(2).build(),
                ImmutableOrder.builder().item("pen").quantity(1).build());
    }
}
