package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.channel.ChannelClosedException;
import dev.cooper.concurrent.consumer.Broadcast;
import dev.cooper.concurrent.consumer.Overflow;
import dev.cooper.testkit.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every reader of a {@code Broadcast} receives, in publication order and without duplicates,
 * an unbroken run of the writer's messages: from the point where it joined to the end (or to
 * the point where it left), whatever the mix of {@code receive}, {@code poll}, timed
 * {@code poll} and {@code drain}, late joins, early leaves and pauses on either side. Under the
 * drop policy the run may have gaps, and the reader's {@code dropped()} counts exactly them.
 */
class BroadcastProperties {

    private static final Duration POLL = Duration.ofNanos(100_000);
    private static final long PAUSE_NANOS = 50_000;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void everyReaderReceivesAnUnbrokenRunOfThePublishedMessagesInOrder() {
        Property.forAll(BroadcastScenario.gen())
                .tries(Budget.concurrentTries())
                .nondeterministic(3)
                .check(BroadcastProperties::run);
    }

    /** What one reader saw, and what the writer had published around its join. */
    private static final class Seen {
        final List<Integer> got = new ArrayList<>();
        /** Messages published (publish returned) before the join began: none of them may come. */
        int publishedBefore;
        /** Messages whose publish had begun when the join returned: all later ones must come. */
        int begunAfter;
        long dropped;
    }

    static void run(BroadcastScenario s) throws InterruptedException {
        run(s, ForwardingReader::new);
    }

    /**
     * Runs {@code s} with each reader as {@code wrap} wraps it: {@code ForwardingReader::new} for
     * the reader itself, a deliberately broken reader in the mutant tests.
     */
    static void run(BroadcastScenario s,
            Function<Broadcast.Reader<Integer>, ? extends ForwardingReader<Integer>> wrap) throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(s.capacity(), s.overflow());
        AtomicInteger begun = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        List<Seen> seen = new ArrayList<>();
        for (int r = 0; r < s.readers().size(); r++) {
            BroadcastScenario.ReaderPlan plan = s.readers().get(r);
            Seen mine = new Seen();
            seen.add(mine);
            // Readers that join at 0 join here, before the writer starts.
            ForwardingReader<Integer> early = plan.joinAfter() == 0 ? wrap.apply(broadcast.join()) : null;
            threads.add(Thread.ofVirtual().name("reader-" + r).start(() -> TestThreads.guard(errors, () -> {
                ForwardingReader<Integer> reader = early;
                if (reader == null) {
                    while (published.get() < plan.joinAfter()) {
                        LockSupport.parkNanos(20_000);
                    }
                    mine.publishedBefore = published.get();
                    Broadcast.Reader<Integer> joined = broadcast.join();
                    mine.begunAfter = begun.get();
                    reader = wrap.apply(joined);
                }
                read(reader, plan, mine.got);
                mine.dropped = reader.dropped();
            })));
        }
        threads.add(Thread.ofVirtual().name("writer").start(() -> TestThreads.guard(errors, () -> {
            for (int i = 0; i < s.messages(); i++) {
                begun.set(i + 1);
                if (s.write() == BroadcastScenario.WriteMode.PUBLISH) {
                    broadcast.publish(i);
                } else {
                    for (int round = 0; !broadcast.tryPublish(i); round++) {
                        TestThreads.backOff(round);
                    }
                }
                published.set(i + 1);
                if (s.writerPauseEvery() > 0 && (i + 1) % s.writerPauseEvery() == 0) {
                    LockSupport.parkNanos(PAUSE_NANOS);
                }
            }
            broadcast.close();
        })));
        for (Thread t : threads) {
            if (!t.join(HANG_GUARD)) {
                threads.forEach(Thread::interrupt);
                throw new AssertionError("hang guard: " + t.getName() + " still running after "
                        + HANG_GUARD.toSeconds() + " s; " + published.get() + " published");
            }
        }
        TestThreads.throwIfAny(errors, "the writer or a reader threw");
        for (int r = 0; r < seen.size(); r++) {
            check(s, s.readers().get(r), seen.get(r), "reader " + r);
        }
    }

    /** Reads the way the plan says until the reader is done or has received what it leaves after. */
    private static void read(ForwardingReader<Integer> reader, BroadcastScenario.ReaderPlan plan, List<Integer> got)
            throws InterruptedException {
        int round = 0;
        while (got.size() != plan.leaveAfter()) {
            int before = got.size();
            Integer m;
            switch (plan.mode()) {
                case RECEIVE -> {
                    try {
                        got.add(reader.receive());
                    } catch (ChannelClosedException done) {
                        return;
                    }
                }
                case POLL -> {
                    if ((m = reader.poll()) != null) {
                        got.add(m);
                    } else if (reader.isDone()) {
                        return;
                    } else {
                        TestThreads.backOff(round++);
                    }
                }
                case TIMED -> {
                    if ((m = reader.poll(POLL)) != null) {
                        got.add(m);
                    } else if (reader.isDone()) {
                        return;
                    }
                }
                case DRAIN -> {
                    int limit = plan.leaveAfter() < 0 ? plan.batch() : Math.min(plan.batch(), plan.leaveAfter() - before);
                    if (reader.drain(got::add, limit) == 0) {
                        // Nothing there now: wait for one, which also tells a closed broadcast.
                        try {
                            got.add(reader.receive());
                        } catch (ChannelClosedException done) {
                            return;
                        }
                    }
                }
            }
            if (got.size() > before) {
                round = 0;
                if (plan.pauseEvery() > 0 && got.size() / plan.pauseEvery() > before / plan.pauseEvery()) {
                    LockSupport.parkNanos(PAUSE_NANOS);
                }
            }
        }
        reader.close();
    }

    private static void check(BroadcastScenario s, BroadcastScenario.ReaderPlan plan, Seen seen, String who) {
        List<Integer> got = seen.got;
        boolean gated = s.overflow() == Overflow.BLOCK_WRITER;
        for (int i = 1; i < got.size(); i++) {
            if (gated) {
                assertEquals(got.get(i - 1) + 1, got.get(i), who + ": a gap or a reordering at " + i + " in " + around(got, i));
            } else {
                assertTrue(got.get(i - 1) < got.get(i), who + ": out of order or duplicated at " + i + " in " + around(got, i));
            }
        }
        boolean readToTheEnd = got.size() != plan.leaveAfter();
        if (!gated) {
            if (readToTheEnd) {
                // Received and skipped together cover everything from its start to the end.
                int start = s.messages() - got.size() - (int) seen.dropped;
                assertStartWithin(start, seen, who);
                if (!got.isEmpty()) {
                    assertEquals(s.messages() - 1, got.get(got.size() - 1), who + ": did not reach the last message");
                }
            } else if (!got.isEmpty()) {
                assertTrue(got.get(0) >= seen.publishedBefore, who + " received " + got.get(0)
                        + ", published before it joined");
            }
            return;
        }
        assertEquals(0, seen.dropped, who + ": dropped messages under the blocking policy");
        int start = got.isEmpty() ? s.messages() : got.get(0);
        if (readToTheEnd) {
            assertEquals(s.messages() - start, got.size(), who + ": did not receive everything from " + start);
            assertStartWithin(start, seen, who);
        } else {
            assertTrue(start >= seen.publishedBefore, who + " received " + start + ", published before it joined");
        }
    }

    /** The messages around index {@code i}, for a failure report that stays readable. */
    private static String around(List<Integer> got, int i) {
        int from = Math.max(0, i - 3);
        int to = Math.min(got.size(), i + 3);
        return (from > 0 ? "[..., " : "[") + got.subList(from, to).toString().replaceAll("^\\[|\\]$", "")
                + (to < got.size() ? ", ...]" : "]") + " (" + got.size() + " received)";
    }

    /** A reader's first sequence lies between what was published before its join and what was begun after. */
    private static void assertStartWithin(int start, Seen seen, String who) {
        assertTrue(start >= seen.publishedBefore && start <= seen.begunAfter,
                who + " started at " + start + ", expected " + seen.publishedBefore + ".." + seen.begunAfter);
    }
}
