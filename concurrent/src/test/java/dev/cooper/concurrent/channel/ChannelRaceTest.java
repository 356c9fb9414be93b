package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Close and cancel racing with blocked and running senders and receivers (and with interrupts):
 * every element is accounted for, {@code received + cancel() == successfully sent}, none twice.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChannelRaceTest {
    private static final boolean STRESS = Boolean.getBoolean("cooper.stress");
    private static final int ROUNDS = STRESS ? 200 : 8;
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 3;

    enum Ending { CLOSE, CANCEL }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Ending ending : Ending.values()) {
                cases.add(Arguments.of(kind, ending, false));
                cases.add(Arguments.of(kind, ending, true));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} interrupts={2}")
    @MethodSource("cases")
    void everyAcceptedElementIsReceivedOrReturnedExactlyOnce(Kind kind, Ending ending,
                                                              boolean interrupts) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            runRound(kind, ending, interrupts);
        }
    }

    private static void runRound(Kind kind, Ending ending, boolean interrupts) throws Exception {
        Channel<Integer> ch = kind.create();
        ConcurrentLinkedQueue<Integer> sent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
        AtomicInteger sentCount = new AtomicInteger();
        List<Forked<Void>> workers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int base = p * 1_000_000;
            workers.add(Forked.run(() -> produce(ch, base, sent, sentCount)));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            workers.add(Forked.run(() -> consume(ch, received)));
        }
        AtomicBoolean stop = new AtomicBoolean();
        Forked<Void> chaos = interrupts ? Forked.run(() -> interruptRandomly(workers, stop)) : null;

        while (sentCount.get() < 300) {
            Thread.sleep(0, 100_000);
        }
        List<Integer> returned = ending == Ending.CANCEL ? ch.cancel() : List.of();
        if (ending == Ending.CLOSE) {
            ch.close();
        }
        for (Forked<Void> w : workers) {
            w.join();
        }
        if (chaos != null) {
            stop.set(true);
            chaos.join();
        }

        Set<Integer> accounted = new HashSet<>();
        for (Integer e : received) {
            assertTrue(accounted.add(e), () -> "received twice: " + e);
        }
        for (Integer e : returned) {
            assertTrue(accounted.add(e), () -> "received and returned by cancel: " + e);
        }
        Set<Integer> sentSet = new HashSet<>(sent);
        assertEquals(sent.size(), sentSet.size(), "a producer recorded an element twice");
        Set<Integer> lost = new HashSet<>(sentSet);
        lost.removeAll(accounted);
        Set<Integer> phantom = new HashSet<>(accounted);
        phantom.removeAll(sentSet);
        assertTrue(lost.isEmpty(), () -> "lost: " + lost);
        assertTrue(phantom.isEmpty(), () -> "delivered but never successfully sent: " + phantom);
        assertTrue(ch.isClosed());
    }

    /** Sends 0, 1, 2... (offset by base) with a random kind of send each, until closed. */
    private static void produce(Channel<Integer> ch, int base, ConcurrentLinkedQueue<Integer> sent,
                                AtomicInteger sentCount) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = base; ; i++) {
            try {
                boolean ok = switch (random.nextInt(3)) {
                    case 0 -> {
                        ch.send(i);
                        yield true;
                    }
                    case 1 -> ch.trySend(i);
                    default -> ch.send(i, Duration.ofNanos(random.nextInt(50_000)));
                };
                if (ok) {
                    sent.add(i);
                    sentCount.incrementAndGet();
                }
            } catch (InterruptedException e) {
                // not enqueued: the next element gets a new number anyway
            } catch (ChannelClosedException e) {
                return;
            }
        }
    }

    /** Receives with a random kind of receive each, until closed and drained. */
    private static void consume(Channel<Integer> ch, ConcurrentLinkedQueue<Integer> received) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (;;) {
            try {
                ReceiveResult<Integer> r = switch (random.nextInt(3)) {
                    case 0 -> ReceiveResult.received(ch.receive());
                    case 1 -> ch.tryReceive();
                    default -> ch.receive(Duration.ofNanos(random.nextInt(50_000)));
                };
                switch (r) {
                    case ReceiveResult.Received<Integer>(Integer e) -> received.add(e);
                    case ReceiveResult.Empty<Integer>() -> Thread.yield();
                    case ReceiveResult.Closed<Integer>() -> {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // nothing consumed
            } catch (ChannelClosedException e) {
                return;
            }
        }
    }

    private static void interruptRandomly(List<Forked<Void>> workers, AtomicBoolean stop)
            throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop.get()) {
            workers.get(random.nextInt(workers.size())).thread.interrupt();
            Thread.sleep(0, 20_000);
        }
    }
}
