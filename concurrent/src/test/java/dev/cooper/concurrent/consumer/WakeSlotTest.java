package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The {@link WakeSlot} handshake on its own: a wake-up reaches a waiting owner and never leaks
 * out of the bracket, a wake-up outside a wait does nothing, an outside interrupt is kept, and
 * under a race the owner's re-check or the waker's interrupt always ends the wait.
 */
class WakeSlotTest {

    @Test
    void aWakeUpOutsideAWaitDoesNothing() {
        WakeSlot slot = new WakeSlot(Thread.currentThread());
        slot.wake();
        assertFalse(Thread.currentThread().isInterrupted(), "wake() interrupted a running owner");
        slot.beginWait();
        assertFalse(slot.endWait(), "a wait that nobody woke reported a wake-up");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aWakeUpEndsABlockedTakeAndIsClearedByEndWait() throws Exception {
        MessageQueue<Integer> queue = QueueKind.MPMC_ARRAY.create(4);
        AtomicReference<Object[]> outcome = new AtomicReference<>();
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        WakeSlot[] slot = new WakeSlot[1];
        Thread owner = Thread.ofVirtual().start(() -> {
            Object taken;
            try {
                created.await(); // slot[0] is written before this latch opens
                slot[0].beginWait();
                waiting.countDown();
                taken = queue.take();
            } catch (InterruptedException e) {
                taken = e;
            }
            boolean woken = slot[0].endWait();
            outcome.set(new Object[] {taken, woken, Thread.currentThread().isInterrupted()});
        });
        slot[0] = new WakeSlot(owner);
        created.countDown();
        waiting.await();
        Thread.sleep(20); // lets the owner block: the case under test, not needed for correctness
        slot[0].wake();
        owner.join();
        Object[] o = outcome.get();
        assertTrue(o[0] instanceof InterruptedException, "take ended with " + o[0]);
        assertEquals(true, o[1], "endWait did not report the wake-up");
        assertEquals(false, o[2], "the wake-up's interrupt leaked past endWait");
        assertNull(queue.poll(), "the interrupted take lost or made an element");
    }

    @Test
    void aWakeUpAfterTheCallReturnedIsStillClearedByEndWait() {
        WakeSlot slot = new WakeSlot(Thread.currentThread());
        slot.beginWait();
        slot.wake(); // lands after the (imagined) blocking call returned normally
        assertTrue(slot.endWait());
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt leaked past endWait");
    }

    @Test
    void anOutsideInterruptIsNotMistakenForAWakeUp() {
        WakeSlot slot = new WakeSlot(Thread.currentThread());
        slot.beginWait();
        Thread.currentThread().interrupt();
        MessageQueue<Integer> queue = QueueKind.SPSC_ARRAY.create(4);
        assertThrows(InterruptedException.class, queue::take);
        Thread.currentThread().interrupt(); // take cleared it, as the owner's catch would re-set
        assertFalse(slot.endWait(), "an outside interrupt was reported as a wake-up");
        assertTrue(Thread.interrupted(), "endWait cleared an interrupt that was not its own");
    }

    /**
     * The handshake under a race: the waker makes the condition true and then wakes; the owner
     * begins its wait, re-checks the condition and only then blocks. Each round must end (a lost
     * wake-up hangs the round, and the test's timeout fails it), and no interrupt may survive
     * endWait, not even one that lands after it returned. The waker's delay is random, so it lands before, during and after the block; a
     * failure names its seed (replay with {@code -Dcooper.seed=<seed>}).
     */
    @Test
    void underARaceTheRecheckOrTheWakeUpAlwaysEndsTheWait() throws Exception {
        long seed = Long.getLong("cooper.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        int rounds = 5_000;
        for (int r = 0; r < rounds; r++) {
            int round = r;
            MessageQueue<Integer> neverFed = QueueKind.SPSC_ARRAY.create(1);
            AtomicBoolean condition = new AtomicBoolean();
            AtomicReference<String> failure = new AtomicReference<>();
            CountDownLatch created = new CountDownLatch(1);
            CountDownLatch wakerDone = new CountDownLatch(1);
            WakeSlot[] slot = new WakeSlot[1];
            Thread owner = Thread.ofVirtual().start(() -> {
                try {
                    created.await();
                } catch (InterruptedException e) {
                    failure.set("interrupted before the round");
                    return;
                }
                slot[0].beginWait();
                if (!condition.get()) {
                    try {
                        neverFed.take();
                        failure.set("took from an empty queue");
                    } catch (InterruptedException expected) {
                        // the wake-up
                    }
                }
                slot[0].endWait();
                try {
                    // A wake-up that endWait let through lands later: wait for the waker to
                    // finish, then look (an interrupt set by then ends this await at once).
                    wakerDone.await();
                } catch (InterruptedException leaked) {
                    Thread.currentThread().interrupt();
                }
                if (Thread.currentThread().isInterrupted()) {
                    failure.set("an interrupt leaked past endWait");
                }
            });
            slot[0] = new WakeSlot(owner);
            created.countDown();
            int delay = random.nextInt(2_000);
            for (int i = 0; i < delay; i++) {
                Thread.onSpinWait();
            }
            condition.set(true);
            slot[0].wake();
            wakerDone.countDown();
            owner.join();
            assertNull(failure.get(), () -> "round " + round + ": " + failure.get()
                    + " (replay: -Dcooper.seed=" + seed + ")");
        }
    }
}
