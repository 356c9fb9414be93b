package dev.cooper.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every pipe the channel benchmarks can name carries messages in order. */
class PipeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cooper", "jox", "jdk.ArrayBlockingQueue", "cooper.SPSC_ARRAY", "cooper.TWO_LOCK_LINKED"})
    void aBufferedPipeHandsOverInOrder(String name) throws InterruptedException {
        Pipe pipe = Pipe.create(name, 4);
        Message first = new Message(1);
        Message second = new Message(2);
        pipe.send(first);
        pipe.send(second);
        assertSame(first, pipe.receive());
        assertSame(second, pipe.receive());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cooper", "jox", "jdk.SynchronousQueue", "floor.spinningSlot"})
    void aRendezvousPipeHandsOverInOrderBetweenTwoThreads(String name) throws InterruptedException {
        Pipe pipe = Pipe.create(name, 0);
        int count = 1_000;
        List<Message> received = new ArrayList<>();
        Thread receiver = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    received.add(pipe.receive());
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = new Message(i);
            sent.add(m);
            pipe.send(m);
        }
        receiver.join();
        assertEquals(sent, received);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cooper.SPSC_ARRAY", "jdk.ArrayBlockingQueue"})
    void aQueuePipeRefusesARendezvous(String name) {
        assertThrows(IllegalArgumentException.class, () -> Pipe.create(name, 0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk.SynchronousQueue", "floor.spinningSlot"})
    void aRendezvousOnlyPipeRefusesABuffer(String name) {
        assertThrows(IllegalArgumentException.class, () -> Pipe.create(name, 4));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cooper.NO_SUCH_KIND", "nothing"})
    void anUnknownPipeIsRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pipe.create(name, 4));
        assertTrue(e.getMessage().contains(name.substring(name.indexOf('.') + 1)), e.getMessage());
    }
}
