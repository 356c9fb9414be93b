package dev.cooper.bench;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordingStream;

/**
 * What an idle waiter costs: a platform thread blocks in {@code take()} on an empty queue of
 * each kind named, and for two seconds this counts its parks (JFR {@code jdk.ThreadPark}
 * events, every one recorded) and its CPU time. A consumer whose wake-up may race with an
 * unfenced insert re-checks on a timer (decisions 0002 and 0015); the others park once.
 *
 * <p>Not a JMH benchmark: it measures a thread doing nothing. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.cooper.bench.IdleWakeups SPSC_ARRAY
 * MPSC_ARRAY} (no arguments: every kind).
 */
public final class IdleWakeups {
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final String WAITER = "idle-waiter";

    private IdleWakeups() {
    }

    public static void main(String[] args) throws Exception {
        QueueKind[] kinds = args.length == 0 ? QueueKind.values() : new QueueKind[args.length];
        for (int i = 0; i < args.length; i++) {
            kinds[i] = QueueKind.valueOf(args[i]);
        }
        for (QueueKind kind : kinds) {
            measure(kind);
        }
    }

    private static void measure(QueueKind kind) throws InterruptedException {
        MessageQueue<Integer> queue = kind.create(16);
        Thread waiter = Thread.ofPlatform().name(WAITER).start(() -> {
            try {
                queue.take();
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
            queue.put(1);
            waiter.join();
            System.out.printf("%-16s %5d parks in %d s idle, waiter CPU %.2f ms%n",
                    kind, parked, IDLE.toSeconds(), (cpuAfter - cpuBefore) / 1e6);
        }
    }
}
