package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Channel#drainTo}: what it takes, in what order, and what a refusing target leaves. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChannelDrainToTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badArgumentsAreRefusedAndMaxZeroTakesNothing(Kind kind) {
        Channel<Integer> ch = kind.create();
        if (kind != Kind.RENDEZVOUS) {
            ch.trySend(1);
        }
        assertThrows(NullPointerException.class, () -> ch.drainTo(null, 1));
        assertThrows(IllegalArgumentException.class, () -> ch.drainTo(new ArrayList<>(), -1));
        List<Integer> got = new ArrayList<>();
        assertEquals(0, ch.drainTo(got, 0));
        assertEquals(List.of(), got);
        if (kind != Kind.RENDEZVOUS) {
            assertEquals(new ReceiveResult.Received<>(1), ch.tryReceive(), "the element is still there");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_16", "UNBOUNDED"})
    void takesUpToMaxInSendOrderAndLeavesTheRest(Kind kind) {
        Channel<Integer> ch = kind.create();
        IntStream.range(0, 10).forEach(ch::trySend);
        List<Integer> got = new ArrayList<>();

        assertEquals(4, ch.drainTo(got, 4));
        assertEquals(List.of(0, 1, 2, 3), got);
        assertEquals(6, ch.drainTo(got, 100));
        assertEquals(IntStream.range(0, 10).boxed().toList(), got);
        assertEquals(0, ch.drainTo(got, 100), "nothing left");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_1", "BUFFERED_16"})
    void aSenderWaitingOnAFullBufferIsMovedInAndTakenToo(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        IntStream.range(0, kind.capacity).forEach(ch::trySend);
        Forked<Void> sender = Forked.run(() -> ch.send(kind.capacity)).awaitParked();
        List<Integer> got = new ArrayList<>();

        assertEquals(kind.capacity + 1, ch.drainTo(got, 100));
        assertEquals(IntStream.rangeClosed(0, kind.capacity).boxed().toList(), got);
        sender.join();
    }

    @Test
    void onARendezvousChannelItTakesFromTheWaitingSendersInTheirOrder() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Forked<Void> first = Forked.run(() -> ch.send("a")).awaitParked();
        Forked<Void> second = Forked.run(() -> ch.send("b")).awaitParked();
        List<String> got = new ArrayList<>();

        assertEquals(2, ch.drainTo(got, 10));
        assertEquals(List.of("a", "b"), got);
        first.join();
        second.join();
        assertEquals(0, ch.drainTo(got, 10), "no sender waits");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_16", "UNBOUNDED"})
    void aClosedChannelStillGivesItsBufferedElements(Kind kind) {
        Channel<Integer> ch = kind.create();
        IntStream.range(0, 3).forEach(ch::trySend);
        ch.close();
        List<Integer> got = new ArrayList<>();

        assertEquals(3, ch.drainTo(got, 10));
        assertEquals(List.of(0, 1, 2), got);
        assertEquals(0, ch.drainTo(got, 10));
        assertEquals(ReceiveResult.closed(), ch.tryReceive());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_16", "UNBOUNDED"})
    void anElementTheTargetRefusesStaysFirstInLine(Kind kind) {
        Channel<Integer> ch = kind.create();
        IntStream.range(0, 5).forEach(ch::trySend);
        List<Integer> got = refusingAfter(2);

        assertThrows(IllegalStateException.class, () -> ch.drainTo(got, 10));
        assertEquals(List.of(0, 1), got);
        assertEquals(new ReceiveResult.Received<>(2), ch.tryReceive());
    }

    @Test
    void slotsFreedBeforeARefusalStillReachAWaitingSender() throws Exception {
        Channel<Integer> ch = Channel.buffered(4);
        IntStream.range(0, 4).forEach(ch::trySend);
        Forked<Void> sender = Forked.run(() -> ch.send(4)).awaitParked();

        assertThrows(IllegalStateException.class, () -> ch.drainTo(refusingAfter(2), 10));
        sender.join();
        List<Integer> rest = new ArrayList<>();
        assertEquals(3, ch.drainTo(rest, 10));
        assertEquals(List.of(2, 3, 4), rest);
    }

    @Test
    void onARendezvousChannelARefusedElementsSenderHasCompleted() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Forked<Void> sender = Forked.run(() -> ch.send("a")).awaitParked();

        assertThrows(IllegalStateException.class, () -> ch.drainTo(refusingAfter(0), 10));
        sender.join();
        assertEquals(ReceiveResult.empty(), ch.tryReceive(), "as the javadoc says: in neither place");
    }

    @Test
    void itIgnoresTheInterruptStatus() {
        Channel<Integer> ch = Channel.buffered(4);
        ch.trySend(7);
        Thread.currentThread().interrupt();
        try {
            List<Integer> got = new ArrayList<>();
            assertEquals(1, ch.drainTo(got, 4));
            assertEquals(List.of(7), got);
            assertTrue(Thread.currentThread().isInterrupted(), "the status is left as it was");
        } finally {
            Thread.interrupted();
        }
    }

    /** A list that throws on the add after {@code accepted} elements. */
    private static <E> List<E> refusingAfter(int accepted) {
        return new ArrayList<>() {
            @Override
            public boolean add(E e) {
                if (size() == accepted) {
                    throw new IllegalStateException("refused " + e);
                }
                return super.add(e);
            }
        };
    }
}
