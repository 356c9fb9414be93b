package dev.cooper.bench;

import dev.cooper.concurrent.queue.QueueKind;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.jctools.queues.varhandle.MpmcVarHandleArrayQueue;
import org.jctools.queues.varhandle.MpscLinkedVarHandleQueue;
import org.jctools.queues.varhandle.MpscVarHandleArrayQueue;
import org.jctools.queues.varhandle.SpmcVarHandleArrayQueue;
import org.jctools.queues.varhandle.SpscVarHandleArrayQueue;

/**
 * The queues the benchmarks compare, by the name a {@code @Param} gives: a {@link QueueKind}
 * constant ({@code SPSC_ARRAY}), or a baseline prefixed by its library ({@code jdk.},
 * {@code jctools.}, {@code agrona.}), or {@code floor.spscRing} ({@link SpscRingFloor}: the
 * SPSC ring without what lets a thread wait, not in any default parameter list).
 *
 * <p>JCTools comes in two builds of the same algorithms: {@code jctools-core}'s
 * {@code org.jctools.queues} classes use the JDK's internal unsafe memory access, and
 * {@code jctools-core-jdk11}'s {@code org.jctools.queues.varhandle} classes use VarHandles.
 * cooper is VarHandle-only, so the VarHandle build is the like-for-like baseline and is what
 * the plain names ({@code jctools.SpscArrayQueue}) select; the Unsafe {@code SpscArrayQueue},
 * the fastest queue on record on these machines, stays available as
 * {@code jctools.unsafe.SpscArrayQueue} to anchor the numbers, and the Unsafe
 * {@code MpmcArrayQueue} (JCTools' default artifact) as {@code jctools.unsafe.MpmcArrayQueue}.
 */
final class Queues {

    private Queues() {
    }

    /**
     * Creates the queue named {@code name} holding at most {@code capacity} elements (a sizing
     * hint for the unbounded ones).
     *
     * @throws IllegalArgumentException if no queue has that name
     */
    static Queue<Message> create(String name, int capacity) {
        return switch (name) {
            case "jdk.ArrayBlockingQueue" -> new ArrayBlockingQueue<>(capacity);
            case "jdk.LinkedBlockingQueue" -> new LinkedBlockingQueue<>(capacity);
            case "jdk.ConcurrentLinkedQueue" -> new ConcurrentLinkedQueue<>();
            case "jdk.LinkedTransferQueue" -> new LinkedTransferQueue<>();
            case "agrona.OneToOneConcurrentArrayQueue" -> new OneToOneConcurrentArrayQueue<>(capacity);
            case "agrona.ManyToOneConcurrentArrayQueue" -> new ManyToOneConcurrentArrayQueue<>(capacity);
            default -> jctoolsOrKind(name, capacity);
        };
    }

    /** Creates a blocking queue: a {@link QueueKind} or a {@code jdk.} baseline. */
    static BlockingQueue<Message> createBlocking(String name, int capacity) {
        if (create(name, capacity) instanceof BlockingQueue<Message> blocking) {
            return blocking;
        }
        throw new IllegalArgumentException("queue: " + name + " (expected: a blocking queue)");
    }

    private static Queue<Message> jctoolsOrKind(String name, int capacity) {
        return switch (name) {
            case "jctools.SpscArrayQueue" -> new SpscVarHandleArrayQueue<>(capacity);
            case "floor.spscRing" -> new SpscRingFloor<>(capacity);
            case "jctools.MpscArrayQueue" -> new MpscVarHandleArrayQueue<>(capacity);
            case "jctools.SpmcArrayQueue" -> new SpmcVarHandleArrayQueue<>(capacity);
            case "jctools.MpmcArrayQueue" -> new MpmcVarHandleArrayQueue<>(capacity);
            case "jctools.MpscLinkedQueue" -> new MpscLinkedVarHandleQueue<>();
            case "jctools.unsafe.SpscArrayQueue" -> new org.jctools.queues.SpscArrayQueue<>(capacity);
            case "jctools.unsafe.MpmcArrayQueue" -> new org.jctools.queues.MpmcArrayQueue<>(capacity);
            default -> kind(name).create(capacity);
        };
    }

    private static QueueKind kind(String name) {
        try {
            return QueueKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("queue: " + name
                    + " (expected: a QueueKind constant or a jdk., jctools. or agrona. baseline)", e);
        }
    }

    /**
     * Runs the queue through its slow paths before measuring: fills it until an offer fails
     * (or {@code 2 * capacity} elements for an unbounded queue) and empties it, three times, so the
     * full, empty and index wrap-around branches are all taken and compiled. The calling thread
     * takes both roles; JMH's setup barrier hands them on to the benchmark threads.
     *
     * @throws IllegalStateException if the queue loses or invents an element on the way
     */
    static void warm(Queue<Message> queue, int capacity, Message element) {
        for (int round = 0; round < 3; round++) {
            int in = 0;
            while (in < 2 * capacity && queue.offer(element)) {
                in++;
            }
            int out = 0;
            while (queue.poll() != null) {
                out++;
            }
            if (in != out) {
                throw new IllegalStateException(queue.getClass().getSimpleName() + " gave back "
                        + out + " of " + in + " elements during warm-up");
            }
        }
    }
}
