package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only {@link SpscArrayQueue} has: the producer's look-ahead. */
class SpscArrayQueueTest {

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

    /**
     * A run that drain gives back is what one probe needs: a producer trailing a full ring
     * finds the whole run with one read of the slots, and then fills it without another
     * (white box: the producer limit is where the reads stop). The producer here is the
     * draining thread itself, offering while the drain hands on the element after the run.
     */
    @Test
    void oneProbeGrantsARunThatDrainGaveBack() {
        SpscArrayQueue<Integer> q = new SpscArrayQueue<>(16); // look-ahead 4, runs of 5
        for (int i = 0; i < 16; i++) {
            assertTrue(q.offer(i));
        }
        List<Long> limits = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        assertEquals(6, q.drain(e -> {
            out.add(e);
            if (e == 5) { // the run [0, 5) is back, 5's slot still held
                assertTrue(q.offer(16));
                limits.add(q.plainProducerLimit());
            }
        }, 6));
        assertEquals(List.of(21L), limits, "the probe after the run granted the whole run");
        for (int i = 17; i < 22; i++) {
            assertTrue(q.offer(i));
        }
        assertFalse(q.offer(22));
        q.drain(out::add, 16);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            expected.add(i);
        }
        assertEquals(expected, out);
    }
}
