package dev.cooper.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a schedule through a blocking queue on virtual threads and checks the delivery: the
 * harness a property over {@link Schedule}s calls on each try.
 */
final class ScheduleRunner {

    private static final long HANG_GUARD_MILLIS = 60_000;

    private ScheduleRunner() {
    }

    static <P> DeliveryReport<Envelope<P>> run(Schedule<P> schedule, BlockingQueue<Envelope<P>> queue)
            throws InterruptedException {
        DeliveryLog<Envelope<P>> log = Envelope.log(schedule.producers(), schedule.consumers());
        AtomicBoolean producersDone = new AtomicBoolean();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < schedule.producers(); p++) {
            int id = p;
            Schedule.Pacer pacer = schedule.pacer(Schedule.Role.PRODUCER, id);
            producers.add(Thread.ofVirtual().start(() -> {
                long seq = 0;
                try {
                    for (P payload : schedule.messagesOf(id)) {
                        pacer.step();
                        Envelope<P> e = new Envelope<>(id, seq, payload);
                        log.sent(id, seq++, e);
                        queue.put(e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < schedule.consumers(); c++) {
            int id = c;
            Schedule.Pacer pacer = schedule.pacer(Schedule.Role.CONSUMER, id);
            consumers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        pacer.step();
                        Envelope<P> e = queue.poll(100, TimeUnit.MICROSECONDS);
                        if (e != null) {
                            log.received(id, e);
                        } else if (producersDone.get() && queue.isEmpty()) {
                            return;     // nothing more can arrive
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        joinAll(producers);
        producersDone.set(true);
        joinAll(consumers);
        return log.check();
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            if (!t.join(java.time.Duration.ofMillis(HANG_GUARD_MILLIS))) {
                threads.forEach(Thread::interrupt);
                throw new AssertionError("hang guard: a thread did not finish in " + HANG_GUARD_MILLIS + " ms");
            }
        }
    }
}
