package dev.cooper.bench;

/**
 * A sealed hierarchy of 8 record cases for {@link Dispatch8}. Every case carries an
 * {@code int} and accepts an {@code int}-returning visitor, so the visitor pattern is
 * measured without boxing.
 */
sealed interface Msg8 {

    /** Double dispatch: calls the visitor's method for this case. */
    int accept(Visitor visitor);

    /** One method per case. */
    interface Visitor {
        int visit(C0 c);

        int visit(C1 c);

        int visit(C2 c);

        int visit(C3 c);

        int visit(C4 c);

        int visit(C5 c);

        int visit(C6 c);

        int visit(C7 c);
    }

    record C0(int value) implements Msg8 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C1(int value) implements Msg8 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C2(int value) implements Msg8 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C3(int value) implements Msg8 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C4(int value) implements Msg8 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C5(int value) implements Msg8 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C6(int value) implements Msg8 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C7(int value) implements Msg8 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }
}
