package dev.cooper.concurrent.consumer;

/**
 * The broadcast operations that {@link BroadcastBlockingOperations} calls: a real
 * {@link Broadcast} of integers with two readers, joined at construction. The deliberately
 * broken broadcasts of {@link BrokenBroadcasts} extend it and override an operation
 * ({@code Broadcast} and its {@code Reader} are final: a test cannot subclass them).
 */
class BroadcastUnderTest {
    final Broadcast<Integer> broadcast;
    private final Broadcast.Reader<Integer> first;
    private final Broadcast.Reader<Integer> second;

    BroadcastUnderTest(int capacity, Overflow overflow) {
        broadcast = Broadcast.create(capacity, overflow);
        first = broadcast.join();
        second = broadcast.join();
    }

    /** Reader 0 or 1. */
    final Broadcast.Reader<Integer> reader(int reader) {
        return reader == 0 ? first : second;
    }

    void publish(int message) throws InterruptedException {
        broadcast.publish(message);
    }

    boolean tryPublish(int message) {
        return broadcast.tryPublish(message);
    }

    void close() {
        broadcast.close();
    }

    int receive(int reader) throws InterruptedException {
        return reader(reader).receive();
    }

    Integer poll(int reader) {
        return reader(reader).poll();
    }

    void leave(int reader) {
        reader(reader).close();
    }

    long dropped(int reader) {
        return reader(reader).dropped();
    }
}
