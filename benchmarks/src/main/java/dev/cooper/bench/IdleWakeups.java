package dev.cooper.bench;

import dev.cooper.concurrent.consumer.Broadcast;
import dev.cooper.concurrent.consumer.Overflow;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordingStream;

/**
 * What an idle waiter costs: a platform thread blocks in {@code take()} on an empty queue of
 * each kind named (or, for {@code BROADCAST}, in a {@code Broadcast} reader's
 * {@code receive()} with nothing published), and for two seconds this counts its parks (JFR
 * {@code jdk.ThreadPark} events, every one recorded) and its CPU time. A waiter whose wake-up
 * may race with an unfenced insert re-checks on a timer (decisions 0002, 0015 and 0023); the
 * others park once.
 *
 * <p>Not a JMH benchmark: it measures a thread doing nothing. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.cooper.bench.IdleWakeups SPSC_ARRAY
 * MPSC_ARRAY BROADCAST} (no arguments: every queue kind, then the broadcast).
 */
public final class IdleWakeups {
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final String WAITER = "idle-waiter";
    /** The argument that measures a broadcast reader instead of a queue kind. */
    private static final String BROADCAST = "BROADCAST";

    private IdleWakeups() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>(List.of(args));
        if (names.isEmpty()) {
            Arrays.stream(QueueKind.values()).map(Enum::name).forEach(names::add);
            names.add(BROADCAST);
        }
        for (String name : names) {
            if (name.equals(BROADCAST)) {
                Broadcast<Integer> broadcast = Broadcast.create(16, Overflow.BLOCK_WRITER);
                Broadcast.Reader<Integer> reader = broadcast.join();
                measure(name, reader::receive, () -> broadcast.publish(1));
            } else {
                MessageQueue<Integer> queue = QueueKind.valueOf(name).create(16);
                measure(name, queue::take, () -> queue.put(1));
            }
        }
    }

    /** A call that blocks, or releases the blocked one. */
    private interface Blocking {
        void run() throws InterruptedException;
    }

    private static void measure(String name, Blocking wait, Blocking release) throws InterruptedException {
        Thread waiter = Thread.ofPlatform().name(WAITER).start(() -> {
            try {
                wait.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicLong parks = new AtomicLong();
        try (RecordingStream events = new RecordingStream()) {
            events.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withoutStackTrace();
            events.onEvent("jdk.ThreadPark", e -> {
                if (e.getThread() != null && WAITER.equals(e.getThread().getJavaName())) {
                    parks.incrementAndGet();
                }
            });
            events.startAsync();
            Thread.sleep(500); // the waiter gets past its yields and first parks
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long parksBefore = parks.get();
            long cpuBefore = threads.getThreadCpuTime(waiter.threadId());
            Thread.sleep(IDLE.toMillis());
            long cpuAfter = threads.getThreadCpuTime(waiter.threadId());
            long parked = parks.get() - parksBefore;
            release.run();
            waiter.join();
            System.out.printf("%-16s %5d parks in %d s idle, waiter CPU %.2f ms%n",
                    name, parked, IDLE.toSeconds(), (cpuAfter - cpuBefore) / 1e6);
        }
    }
}
