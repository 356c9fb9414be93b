package dev.cooper.concurrent.consumer;

/** The sealed message type of the consumer tests: four cases, each with an id and an account. */
sealed interface Msg permits Msg.Deposit, Msg.Withdrawal, Msg.Audit, Msg.Close {
    int id();

    int account();

    record Deposit(int id, int account) implements Msg {
    }

    record Withdrawal(int id, int account) implements Msg {
    }

    record Audit(int id, int account) implements Msg {
    }

    record Close(int id, int account) implements Msg {
    }

    /** The case of {@code id} cycles through the four kinds. */
    static Msg of(int id, int account) {
        return switch (id & 3) {
            case 0 -> new Deposit(id, account);
            case 1 -> new Withdrawal(id, account);
            case 2 -> new Audit(id, account);
            default -> new Close(id, account);
        };
    }
}
