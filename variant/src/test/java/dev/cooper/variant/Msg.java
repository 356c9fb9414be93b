package dev.cooper.variant;

/**
 * The test hierarchy, four levels deep. Leaves in tag order are marked with their tag.
 * <pre>
 * Msg (sealed interface)
 * ├── A                       record                         0
 * └── Sub (sealed interface)
 *     ├── Control (sealed interface)
 *     │   ├── Start           record                         1
 *     │   ├── Stop            record                         2
 *     │   └── Admin (sealed interface)
 *     │       ├── Reload      record                         3
 *     │       └── Shutdown    final class                    4
 *     ├── Work (sealed abstract class)
 *     │   ├── Compute         final class                    5
 *     │   └── Custom          non-sealed abstract class      6   (Upload extends it)
 *     ├── Level               enum, HIGH has a class body    7
 *     └── Order (sealed interface, Immutables)
 *         └── ImmutableOrder  generated final class          8
 * </pre>
 */
sealed interface Msg permits Msg.A, Msg.Sub {

    record A(long id) implements Msg {}

    sealed interface Sub extends Msg permits Control, Work, Level, Order {}

    sealed interface Control extends Sub permits Start, Stop, Admin {}

    record Start() implements Control {}

    record Stop(String reason) implements Control {}

    sealed interface Admin extends Control permits Reload, Shutdown {}

    record Reload() implements Admin {}

    final class Shutdown implements Admin {}

    abstract sealed class Work implements Sub permits Compute, Custom {}

    final class Compute extends Work {}

    non-sealed abstract class Custom extends Work {}

    /** A subclass of the non-sealed leaf: not a case of its own. */
    final class Upload extends Custom {}

    enum Level implements Sub {
        LOW,
        HIGH {
            @Override
            public String toString() {
                return "high";
            }
        }
    }
}
