package dev.cooper.bench;

/**
 * A sealed hierarchy of 32 record cases for {@link Dispatch32}. Every case carries an
 * {@code int} and accepts an {@code int}-returning visitor, so the visitor pattern is
 * measured without boxing.
 */
sealed interface Msg32 {

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

        int visit(C8 c);

        int visit(C9 c);

        int visit(C10 c);

        int visit(C11 c);

        int visit(C12 c);

        int visit(C13 c);

        int visit(C14 c);

        int visit(C15 c);

        int visit(C16 c);

        int visit(C17 c);

        int visit(C18 c);

        int visit(C19 c);

        int visit(C20 c);

        int visit(C21 c);

        int visit(C22 c);

        int visit(C23 c);

        int visit(C24 c);

        int visit(C25 c);

        int visit(C26 c);

        int visit(C27 c);

        int visit(C28 c);

        int visit(C29 c);

        int visit(C30 c);

        int visit(C31 c);
    }

    record C0(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C1(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C2(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C3(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C4(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C5(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C6(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C7(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C8(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C9(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C10(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C11(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C12(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C13(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C14(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C15(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C16(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C17(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C18(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C19(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C20(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C21(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C22(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C23(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C24(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C25(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C26(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C27(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C28(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C29(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C30(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }

    record C31(int value) implements Msg32 {
        @Override
        public int accept(Visitor visitor) {
            return visitor.visit(this);
        }
    }
}
