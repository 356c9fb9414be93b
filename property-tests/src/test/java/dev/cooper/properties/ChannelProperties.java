package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ChannelClosedException;
import dev.cooper.concurrent.channel.ReceiveResult;
import dev.cooper.testkit.DeliveryLog;
import dev.cooper.testkit.Property;
import dev.cooper.testkit.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A channel closed or cancelled mid-stream loses and duplicates nothing: every element whose
 * send succeeded is received exactly once or returned exactly once by {@code cancel()}, each
 * receiver sees each sender's elements in order (and {@code cancel()} returns them in order), an
 * element whose send failed is never received, and the channel ends closed and empty.
 */
class ChannelProperties {

    private static final Duration POLL = Duration.ofNanos(100_000);
    /** How many elements a {@code DRAIN} receiver takes at most per {@code drainTo}. */
    private static final int DRAIN_BATCH = 8;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    /** The longest the main thread waits for the cutoff: non-blocking calls on both sides of a rendezvous never meet. */
    private static final long CUTOFF_WAIT_NANOS = 50_000_000;

    @Test
    void everySuccessfulSendIsReceivedOnceOrReturnedByCancel() {
        Property.forAll(ChannelScenario.gen())
                .tries(Budget.concurrentTries())
                .nondeterministic(3)
                .check(ChannelProperties::run);
    }

    static void run(ChannelScenario s) throws InterruptedException {
        run(s, ForwardingChannel::new);
    }

    /**
     * Runs {@code s} on the channel of its kind as {@code wrap} wraps it:
     * {@code ForwardingChannel::new} for the channel itself, a deliberately broken channel in the
     * mutant tests.
     */
    static void run(ChannelScenario s, Function<Channel<Envelope>, ? extends ForwardingChannel<Envelope>> wrap)
            throws InterruptedException {
        Schedule<Event> schedule = s.schedule();
        ForwardingChannel<Envelope> channel = wrap.apply(switch (s.kind()) {
            case RENDEZVOUS -> Channel.rendezvous();
            case BUFFERED -> Channel.buffered(schedule.capacity());
            case UNBOUNDED -> Channel.unbounded();
        });
        int returnedLane = schedule.consumers();
        DeliveryLog<Envelope> log = Envelope.log(schedule.producers(), schedule.consumers() + 1);
        AtomicInteger received = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < schedule.producers(); p++) {
            int id = p;
            threads.add(Thread.ofVirtual().name("sender-" + id).start(() -> TestThreads.guard(errors, () -> {
                List<Event> events = schedule.messagesOf(id);
                Schedule.Pacer pacer = schedule.pacer(Schedule.Role.PRODUCER, id);
                for (int seq = 0; seq < events.size(); seq++) {
                    pacer.step();
                    Envelope e = new Envelope(id, seq, events.get(seq));
                    if (!send(channel, s.send(), e)) {
                        return;     // closed: this send failed, and so would every later one
                    }
                    log.sent(id, seq, e);
                    sent.incrementAndGet();
                }
            })));
        }
        List<Thread> senders = List.copyOf(threads);
        List<Thread> receivers = new ArrayList<>();
        for (int c = 0; c < schedule.consumers(); c++) {
            int id = c;
            receivers.add(Thread.ofVirtual().name("receiver-" + id).unstarted(() -> TestThreads.guard(errors, () -> {
                Schedule.Pacer pacer = schedule.pacer(Schedule.Role.CONSUMER, id);
                receiveAll(channel, s.receive(), pacer, e -> {
                    log.received(id, e);
                    received.incrementAndGet();
                });
            })));
        }
        threads.addAll(receivers);
        if (!s.lateReceivers()) {
            receivers.forEach(Thread::start);
        }
        AtomicInteger progress = s.lateReceivers() ? sent : received;
        long waitUntil = System.nanoTime() + CUTOFF_WAIT_NANOS;
        while (progress.get() < s.cutoff() && senders.stream().anyMatch(Thread::isAlive)
                && System.nanoTime() - waitUntil < 0) {
            LockSupport.parkNanos(20_000);
        }
        List<Envelope> returned = s.ending() == ChannelScenario.Ending.CANCEL ? channel.cancel() : List.of();
        channel.close();
        if (s.lateReceivers()) {
            receivers.forEach(Thread::start);
        }
        for (Thread t : threads) {
            if (!t.join(HANG_GUARD)) {
                threads.forEach(Thread::interrupt);
                throw new AssertionError("hang guard: " + t.getName() + " still running " + HANG_GUARD.toSeconds()
                        + " s after the channel was ended; " + received.get() + " received");
            }
        }
        TestThreads.throwIfAny(errors, "a sender or receiver threw");
        returned.forEach(e -> log.received(returnedLane, e));
        List<Envelope> left = channel.cancel();
        left.forEach(e -> log.received(returnedLane, e));
        log.check().assertClean();
        assertEquals(List.of(), left, "a closed channel whose receivers have finished holds nothing");
        assertInstanceOf(ReceiveResult.Closed.class, channel.tryReceive());
    }

    /** Sends {@code e} the way {@code mode} says; false if the channel was closed first (nothing sent). */
    private static boolean send(ForwardingChannel<Envelope> channel, ChannelScenario.SendMode mode, Envelope e)
            throws InterruptedException {
        try {
            switch (mode) {
                case BLOCKING -> channel.send(e);
                case TRY -> {
                    for (int round = 0; !channel.trySend(e); round++) {
                        TestThreads.backOff(round);
                    }
                }
                case TIMED -> {
                    while (!channel.send(e, POLL)) {
                        Thread.onSpinWait();
                    }
                }
            }
            return true;
        } catch (ChannelClosedException closed) {
            return false;
        }
    }

    private interface Sink {
        void accept(Envelope e);
    }

    /** Receives the way {@code mode} says until the channel is closed and drained. */
    private static void receiveAll(ForwardingChannel<Envelope> channel, ChannelScenario.ReceiveMode mode,
            Schedule.Pacer pacer, Sink sink) throws InterruptedException {
        switch (mode) {
            case BLOCKING -> {
                try {
                    while (true) {
                        pacer.step();
                        sink.accept(channel.receive());
                    }
                } catch (ChannelClosedException closed) {
                    return;
                }
            }
            case TRY, TIMED, DRAIN -> {
                List<Envelope> batch = new ArrayList<>();
                for (int round = 0; ; ) {
                    pacer.step();
                    if (mode == ChannelScenario.ReceiveMode.DRAIN && channel.drainTo(batch, DRAIN_BATCH) > 0) {
                        for (Envelope e : batch) {
                            sink.accept(e);
                        }
                        batch.clear();
                        round = 0;
                        continue;
                    }
                    // A drain that took nothing goes on with tryReceive, which tells an empty
                    // channel from a closed, drained one.
                    ReceiveResult<Envelope> r = mode == ChannelScenario.ReceiveMode.TIMED
                            ? channel.receive(POLL) : channel.tryReceive();
                    switch (r) {
                        case ReceiveResult.Received<Envelope> got -> {
                            sink.accept(got.value());
                            round = 0;
                        }
                        case ReceiveResult.Empty<Envelope> empty -> TestThreads.backOff(round++);
                        case ReceiveResult.Closed<Envelope> closed -> {
                            return;
                        }
                    }
                }
            }
            case ITERATE -> {
                for (Envelope e : channel) {
                    pacer.step();
                    sink.accept(e);
                }
            }
        }
    }
}
