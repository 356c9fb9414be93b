package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The worker's success path allocates nothing: a batch of messages through an SPSC queue to a
 * four-case switch handler costs the worker thread no heap (measured with the JVM's per-thread
 * allocation counter, which needs a platform thread).
 */
@Timeout(30)
class AllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int N = 100_000;
    /** Room for the wake-up from the gate and one park after the batch, not for N messages. */
    private static final long SLACK_BYTES = 4096;

    private final long[] perCase = new long[4];

    private void handle(Msg msg) {
        switch (msg) {
            case Msg.Deposit d -> perCase[0] += d.account();
            case Msg.Withdrawal w -> perCase[1] += w.account();
            case Msg.Audit a -> perCase[2] += a.account();
            case Msg.Close c -> perCase[3] += c.account();
        }
    }

    @Test
    void theSuccessPathAllocatesNothingPerMessage() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(N + 1);
        Msg[] messages = new Msg[N];
        for (int i = 0; i < N; i++) {
            messages[i] = Msg.of(i, 1);
        }
        AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(1));
        AtomicReference<Thread> worker = new AtomicReference<>();
        Msg gateMessage = new Msg.Audit(-1, 0);
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).platformThreads()
                .handler(msg -> {
                    if (msg == gateMessage) {
                        worker.set(Thread.currentThread());
                        try {
                            gate.get().await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    } else {
                        handle(msg);
                    }
                }).start()) {
            long allocated = 0;
            for (int round = 0; round < 3; round++) {
                // Hold the worker at the gate, queue a full batch, then let it run through.
                CountDownLatch thisGate = new CountDownLatch(1);
                gate.set(thisGate);
                queue.put(gateMessage);
                Await.until(() -> worker.get() != null && worker.get().getState() == Thread.State.WAITING);
                for (Msg m : messages) {
                    queue.put(m);
                }
                long handledBefore = group.stats().handled();
                long before = THREADS.getThreadAllocatedBytes(worker.get().threadId());
                thisGate.countDown();
                Await.until(() -> group.stats().handled() == handledBefore + N + 1); // the batch and the gate
                allocated = THREADS.getThreadAllocatedBytes(worker.get().threadId()) - before;
            }
            long last = allocated;
            assertTrue(last < SLACK_BYTES, () -> last + " bytes allocated by the worker for " + N + " messages");
        }
        assertTrue(perCase[0] > 0 && perCase[3] > 0);
    }
}
