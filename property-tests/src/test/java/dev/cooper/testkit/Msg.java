package dev.cooper.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The derivation test hierarchy: every kind of case derivation must reach.
 * <pre>
 * Msg (sealed interface)
 * ├── Ping             empty record
 * ├── Data             record of primitives, String, List, Optional, Map
 * ├── Level            enum
 * ├── Control          sealed interface: Start (record), Stop (record with an enum)
 * ├── Tree             recursive record (through List)
 * ├── Expr             sealed interface recursive through its cases: Lit, Add, Neg
 * └── Order            Immutables sealed interface: ImmutableOrder
 * </pre>
 */
sealed interface Msg permits Msg.Ping, Msg.Data, Msg.Level, Msg.Control, Msg.Tree, Msg.Expr, Order {

    record Ping() implements Msg {}

    record Data(int id, String text, List<Long> values, Optional<Boolean> flag, Map<String, Integer> tags)
            implements Msg {}

    enum Level implements Msg { LOW, HIGH }

    sealed interface Control extends Msg permits Start, Stop {}

    record Start(long at) implements Control {}

    enum Reason { DONE, FAILED, CANCELLED }

    record Stop(Reason reason) implements Control {}

    record Tree(int value, List<Tree> children) implements Msg {
        int depth() {
            return 1 + children.stream().mapToInt(Tree::depth).max().orElse(0);
        }
    }

    sealed interface Expr extends Msg permits Lit, Add, Neg {
        default int depth() {
            return switch (this) {
                case Lit l -> 1;
                case Add a -> 1 + Math.max(a.left().depth(), a.right().depth());
                case Neg n -> 1 + n.operand().depth();
            };
        }
    }

    record Lit(int value) implements Expr {}

    record Add(Expr left, Expr right) implements Expr {}

    record Neg(Expr operand) implements Expr {}
}
