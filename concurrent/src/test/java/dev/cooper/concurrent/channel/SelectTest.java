package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The single-threaded and blocking behaviour of {@link Select}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectTest {

    @Test
    void exactlyOneReadyClauseFires() throws Exception {
        Channel<String> a = Channel.buffered(1);
        Channel<String> b = Channel.buffered(1);
        a.send("a");
        b.send("b");
        AtomicInteger handlers = new AtomicInteger();
        String r = Select.<String>select()
                .onReceive(a, x -> x + handlers.incrementAndGet(), () -> "closed")
                .onReceive(b, x -> x + handlers.incrementAndGet(), () -> "closed")
                .run();
        assertEquals(1, handlers.get());
        Channel<String> other = r.startsWith("a") ? b : a;
        Channel<String> chosen = r.startsWith("a") ? a : b;
        assertSame(ReceiveResult.empty(), chosen.tryReceive());
        assertEquals(new ReceiveResult.Received<>(r.startsWith("a") ? "b" : "a"), other.tryReceive(),
                "the clause that did not fire consumed its element");
    }

    @Test
    void receiveClauseHandlerGetsTheReceivedResult() throws Exception {
        Channel<Integer> ch = Channel.buffered(1);
        ch.send(7);
        ReceiveResult<Integer> r = Select.<ReceiveResult<Integer>>select()
                .onReceive(ch, res -> res)
                .run();
        assertEquals(new ReceiveResult.Received<>(7), r);
    }

    @Test
    void blockingSelectFiresOnALaterSend() throws Exception {
        Channel<String> a = Channel.rendezvous();
        Channel<String> b = Channel.rendezvous();
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onReceive(a, x -> "a:" + x, () -> "a closed")
                .onReceive(b, x -> "b:" + x, () -> "b closed")
                .run()).awaitParked();
        b.send("x");
        assertEquals("b:x", selecting.join());
        assertFalse(a.trySend("late"), "the select's node on a is still waiting");
    }

    @Test
    void blockingSendClauseFiresWhenAReceiverComes() throws Exception {
        Channel<String> a = Channel.rendezvous();
        Channel<String> b = Channel.rendezvous();
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onSend(a, "to a", () -> "sent a")
                .onSend(b, "to b", () -> "sent b")
                .run()).awaitParked();
        assertEquals("to a", a.receive());
        assertEquals("sent a", selecting.join());
        assertSame(ReceiveResult.empty(), b.tryReceive(), "the other send clause also sent");
    }

    @Test
    void sendClauseFiresAtOnceWhenThereIsRoom() throws Exception {
        Channel<String> ch = Channel.buffered(1);
        assertEquals("sent", Select.<String>select().onSend(ch, "x", () -> "sent").run());
        assertEquals("x", ch.receive());
    }

    @Test
    void sendAndReceiveClausesMixAcrossChannels() throws Exception {
        Channel<String> in = Channel.rendezvous();
        Channel<String> out = Channel.buffered(1);
        out.send("full");
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onReceive(in, x -> "in:" + x, () -> "in closed")
                .onSend(out, "y", () -> "out")
                .run()).awaitParked();
        assertEquals("full", out.receive()); // makes room: the send clause fires
        assertEquals("out", selecting.join());
        assertEquals("y", out.receive());
    }

    @Test
    void timeoutClauseFiresWhenNothingBecomesReady() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        String r = Select.<String>select()
                .onReceive(ch, x -> x, () -> "closed")
                .onTimeout(Duration.ofMillis(20), () -> "timeout")
                .run();
        assertEquals("timeout", r);
        assertFalse(ch.trySend("x"), "a timed-out select left a receiver behind");
    }

    @Test
    void zeroTimeoutActsAsDefault() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        assertEquals("timeout", Select.<String>select()
                .onReceive(ch, x -> x, () -> "closed")
                .onTimeout(Duration.ZERO, () -> "timeout")
                .run());
    }

    @Test
    void timeoutAloneWaitsThenFires() throws Exception {
        assertEquals("t", Select.<String>select().onTimeout(Duration.ofMillis(5), () -> "t").run());
    }

    @Test
    void readyClauseWinsOverTimeout() throws Exception {
        Channel<String> ch = Channel.buffered(1);
        ch.send("x");
        assertEquals("x", Select.<String>select()
                .onReceive(ch, x -> x, () -> "closed")
                .onTimeout(Duration.ofSeconds(20), () -> "timeout")
                .run());
    }

    @Test
    void defaultClauseFiresWhenNothingIsReadyAndNothingIsLeftWaiting() throws Exception {
        Channel<String> a = Channel.rendezvous();
        Channel<String> b = Channel.buffered(1);
        b.send("full");
        String r = Select.<String>select()
                .onReceive(a, x -> x, () -> "closed")
                .onSend(b, "y", () -> "sent")
                .otherwise(() -> "default")
                .run();
        assertEquals("default", r);
        assertFalse(a.trySend("x"), "a default select left a receiver behind");
        assertEquals(List.of("full"), b.cancel());
    }

    @Test
    void defaultClauseIgnoresTheInterruptStatus() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Thread.currentThread().interrupt();
        try {
            assertEquals("default", Select.<String>select()
                    .onReceive(ch, x -> x, () -> "closed")
                    .otherwise(() -> "default")
                    .run());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void zeroTimeoutStillHonoursAPendingInterrupt() {
        Channel<String> ch = Channel.buffered(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Select.<String>select()
                .onSend(ch, "x", () -> "sent")
                .onTimeout(Duration.ZERO, () -> "timeout")
                .run());
        assertFalse(Thread.currentThread().isInterrupted(), "the exception spends the interrupt");
        assertSame(ReceiveResult.empty(), ch.tryReceive(), "no clause ran");
    }

    @Test
    void closedChannelReceiveClauseFiresWithClosed() throws Exception {
        Channel<String> open = Channel.rendezvous();
        Channel<String> closed = Channel.rendezvous();
        closed.close();
        ReceiveResult<String> r = Select.<ReceiveResult<String>>select()
                .onReceive(open, res -> res)
                .onReceive(closed, res -> res)
                .run();
        assertSame(ReceiveResult.closed(), r);
        assertEquals("closed", Select.<String>select()
                .onReceive(closed, x -> x, () -> "closed")
                .run());
    }

    @Test
    void closeWakesABlockedReceiveClauseWithClosed() throws Exception {
        Channel<String> a = Channel.rendezvous();
        Channel<String> b = Channel.rendezvous();
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onReceive(a, x -> x, () -> "a closed")
                .onReceive(b, x -> x, () -> "b closed")
                .run()).awaitParked();
        b.close();
        assertEquals("b closed", selecting.join());
    }

    @Test
    void sendClauseOnAClosedChannelThrows() {
        Channel<String> ch = Channel.buffered(1);
        ch.close();
        assertThrows(ChannelClosedException.class,
                () -> Select.<String>select().onSend(ch, "x", () -> "sent").run());
    }

    @Test
    void closeUnderABlockedSendClauseThrowsFromRun() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onSend(ch, "x", () -> "sent")
                .run()).awaitParked();
        ch.close();
        assertInstanceOf(ChannelClosedException.class, selecting.failure());
    }

    @Test
    void interruptBeforeABlockingSelectThrows() {
        Channel<String> ch = Channel.buffered(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class,
                () -> Select.<String>select().onSend(ch, "x", () -> "sent").run());
        assertSame(ReceiveResult.empty(), ch.tryReceive());
    }

    @Test
    void interruptWhileSelectingThrowsAndNoClauseRuns() throws Exception {
        Channel<String> a = Channel.rendezvous();
        Channel<String> b = Channel.rendezvous();
        AtomicInteger handlers = new AtomicInteger();
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onReceive(a, x -> "a" + handlers.incrementAndGet(), () -> "closed")
                .onSend(b, "y", () -> "b" + handlers.incrementAndGet())
                .run()).awaitParked();
        selecting.thread.interrupt();
        assertInstanceOf(InterruptedException.class, selecting.failure());
        assertEquals(0, handlers.get());
        assertFalse(a.trySend("x"), "the interrupted select still receives");
        assertSame(ReceiveResult.empty(), b.tryReceive(), "the interrupted select still sends");
    }

    @Test
    void aSelectCanBeRunAgain() throws Exception {
        Channel<Integer> ch = Channel.buffered(4);
        Select<Integer> select = Select.<Integer>select().onReceive(ch, x -> x, () -> -1);
        ch.send(1);
        ch.send(2);
        ch.close();
        assertEquals(1, select.run());
        assertEquals(2, select.run());
        assertEquals(-1, select.run());
    }

    @Test
    void sameChannelInSeveralClausesIsLockedOnce() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onReceive(ch, x -> "recv " + x, () -> "closed")
                .onSend(ch, "mine", () -> "sent")
                .run()).awaitParked();
        ch.send("x");
        assertEquals("recv x", selecting.join());
        assertFalse(ch.trySend("again"), "the select's other clause is still waiting");
        assertSame(ReceiveResult.empty(), ch.tryReceive());
    }

    /**
     * The two ways a select finds a ready clause: a pass without locks when every channel is
     * buffered, and a pass under every channel's lock otherwise (an unbounded channel has one
     * lock). Both must pick uniformly among the ready clauses.
     */
    enum ReadyPass {
        LOCK_FREE_PASS {
            @Override
            Channel<Integer> channel(int room) {
                return Channel.buffered(room);
            }
        },
        LOCKED_PASS {
            @Override
            Channel<Integer> channel(int room) {
                return Channel.unbounded();
            }
        };

        abstract Channel<Integer> channel(int room);
    }

    private static final int SELECTS = 10_000;

    @ParameterizedTest
    @EnumSource(ReadyPass.class)
    void eachReadyReceiveIsChosenAboutEquallyOften(ReadyPass pass) throws Exception {
        Channel<Integer> a = pass.channel(SELECTS);
        Channel<Integer> b = pass.channel(SELECTS);
        for (int i = 0; i < SELECTS; i++) {
            a.send(i);
            b.send(i);
        }
        assertChoosesFirstAboutHalfTheTime(Select.<Boolean>select()
                .onReceive(a, x -> true, () -> true)
                .onReceive(b, x -> false, () -> false));
    }

    @ParameterizedTest
    @EnumSource(ReadyPass.class)
    void eachReadySendIsChosenAboutEquallyOften(ReadyPass pass) throws Exception {
        Channel<Integer> a = pass.channel(SELECTS);
        Channel<Integer> b = pass.channel(SELECTS);
        assertChoosesFirstAboutHalfTheTime(Select.<Boolean>select()
                .onSend(a, 1, () -> true)
                .onSend(b, 2, () -> false));
    }

    /** Runs {@code select} {@link #SELECTS} times: its first clause must win 40-60% of them. */
    private static void assertChoosesFirstAboutHalfTheTime(Select<Boolean> select)
            throws InterruptedException {
        int first = 0;
        for (int i = 0; i < SELECTS; i++) {
            if (select.run()) {
                first++;
            }
        }
        assertTrue(first >= 4_000 && first <= 6_000, "chose the first clause " + first + " of " + SELECTS);
    }

    @Test
    void misuseIsRefused() {
        Channel<String> ch = Channel.rendezvous();
        assertThrows(IllegalStateException.class, () -> Select.<String>select().run());
        assertThrows(IllegalStateException.class, () -> Select.<String>select()
                .otherwise(() -> "a").onTimeout(Duration.ZERO, () -> "b"));
        assertThrows(IllegalStateException.class, () -> Select.<String>select()
                .onTimeout(Duration.ZERO, () -> "a").onTimeout(Duration.ZERO, () -> "b"));
        assertThrows(IllegalArgumentException.class, () -> Select.<String>select()
                .onTimeout(Duration.ofNanos(-1), () -> "a"));
        assertEquals("element is null", assertThrows(NullPointerException.class,
                () -> Select.<String>select().onSend(ch, null, () -> "a")).getMessage());
        assertEquals("channel is null", assertThrows(NullPointerException.class,
                () -> Select.<String>select().onReceive(null, r -> "a")).getMessage());
        assertEquals("handler is null", assertThrows(NullPointerException.class,
                () -> Select.<String>select().onReceive(ch, null)).getMessage());
        assertEquals("timeout is null", assertThrows(NullPointerException.class,
                () -> Select.<String>select().onTimeout(null, () -> "a")).getMessage());
    }
}
