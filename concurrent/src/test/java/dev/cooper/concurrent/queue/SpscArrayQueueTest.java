package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link SpscArrayQueue}: the shared array-kind tests plus its look-ahead edges. */
class SpscArrayQueueTest extends AbstractArrayQueueTest {

    @Override
    QueueKind kind() {
        return QueueKind.SPSC_ARRAY;
    }

    @Test
    void kindAndFactoryAgree() {
        MessageQueue<Integer> q = create(10);
        assertTrue(q instanceof SpscArrayQueue);
        assertEquals(QueueKind.SPSC_ARRAY, q.kind());
    }

    /**
     * After the look-ahead raised the producer limit, the consumer frees slots out of the
     * producer's sight; the producer must still fill every slot, and fail only when its own
     * slot is taken.
     */
    @Test
    void producerUsesEverySlotWhenTheLookAheadSlotIsBusy() {
        SpscArrayQueue<Integer> q = new SpscArrayQueue<>(16); // look-ahead 4
        for (int i = 0; i < 16; i++) {
            assertTrue(q.offer(i));
        }
        assertEquals(0, q.poll()); // frees one slot; the look-ahead slot is still busy
        assertTrue(q.offer(16));
        assertFalse(q.offer(17));
        for (int i = 1; i <= 16; i++) {
            assertEquals(i, q.poll());
        }
        assertTrue(q.isEmpty());
    }
}
