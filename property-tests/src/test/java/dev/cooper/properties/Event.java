package dev.cooper.properties;

import java.util.List;

/**
 * The message hierarchy the suites send through queues and dispatch on: every shape of case
 * the variant module and the derivation must handle.
 * <pre>
 * Event (sealed interface)          tag
 * ├── Ping       empty record         0
 * ├── Text       record of a String   1
 * ├── Reading    record with a List   2
 * ├── Level      enum                 3
 * ├── Control    sealed interface
 * │   ├── Start  record               4
 * │   └── Stop   record               5
 * └── Shipment   Immutables case      6  (ImmutableShipment)
 * </pre>
 * The tags are the depth-first {@code permits} order: {@link #expectedTag} spells it out.
 */
sealed interface Event permits Event.Ping, Event.Text, Event.Reading, Event.Level, Event.Control, Shipment {

    /** The number of leaf cases. */
    int CASES = 7;

    record Ping() implements Event {}

    record Text(String body) implements Event {}

    record Reading(int sensor, double value, List<Integer> history) implements Event {}

    enum Level implements Event { LOW, HIGH }

    sealed interface Control extends Event permits Start, Stop {}

    record Start(long at) implements Control {}

    record Stop(String reason, boolean force) implements Control {}

    /** The tag {@code Cases.of(Event.class)} must give {@code event}, written as a {@code switch}. */
    static int expectedTag(Event event) {
        return switch (event) {
            case Ping p -> 0;
            case Text t -> 1;
            case Reading r -> 2;
            case Level l -> 3;
            case Start s -> 4;
            case Stop s -> 5;
            case Shipment s -> 6;
        };
    }
}
