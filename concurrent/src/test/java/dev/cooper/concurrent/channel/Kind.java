package dev.cooper.concurrent.channel;

/** The channel shapes every contract test runs over, edge capacities included. */
enum Kind {
    RENDEZVOUS(0),
    BUFFERED_1(1),
    BUFFERED_16(16),
    UNBOUNDED(Integer.MAX_VALUE);

    /** 0 for rendezvous, {@code Integer.MAX_VALUE} for unbounded. */
    final int capacity;

    Kind(int capacity) {
        this.capacity = capacity;
    }

    <E> Channel<E> create() {
        return switch (this) {
            case RENDEZVOUS -> Channel.rendezvous();
            case BUFFERED_1, BUFFERED_16 -> Channel.buffered(capacity);
            case UNBOUNDED -> Channel.unbounded();
        };
    }

    boolean bounded() {
        return this != UNBOUNDED;
    }

    /** How many elements a test may send without a receiver before a send would block. */
    int room() {
        return this == UNBOUNDED ? 1000 : capacity;
    }
}
