package dev.cooper.jcstress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Safe publication, for each lock-free kind: the producer builds a message whose fields are
 * all plain (two written in its constructor, one after it) and offers it; the consumer polls
 * and reads the fields. Only the queue's release of the element and acquire of it order those
 * plain writes before the reads, so a consumer that sees the message must see every field.
 */
@Description("A message with plain fields, built by the producer and offered, is seen whole by the consumer that polls it.")
@Outcome(id = "-1, -1, -1", expect = ACCEPTABLE, desc = "Empty: the consumer polled before the offer.")
@Outcome(id = "1, 2, 3", expect = ACCEPTABLE, desc = "The message, every field written.")
@Outcome(expect = FORBIDDEN, desc = "The message with a field still at its default value: published unsafely.")
public class Publication {
    /** Capacity 1: the producer fills the very slot the consumer reads. */
    private static final int CAPACITY = 1;

    /** A message whose fields are plain: nothing but the queue makes them visible. */
    static final class Message {
        int first;
        int second;
        int third;

        Message(int first, int second) {
            this.first = first;
            this.second = second;
        }
    }

    /** The queue and the two actors' work; one subclass per kind. */
    abstract static class Probe {
        private final MessageQueue<Message> queue;

        Probe(QueueKind kind) {
            this.queue = kind.create(CAPACITY);
        }

        final void produce() {
            Message m = new Message(1, 2);
            m.third = 3;
            Queues.offer(queue, m);
        }

        final void consume(III_Result r) {
            Message m = queue.poll();
            if (m == null) {
                r.r1 = -1;
                r.r2 = -1;
                r.r3 = -1;
            } else {
                r.r1 = m.first;
                r.r2 = m.second;
                r.r3 = m.third;
            }
        }
    }

    /** {@link QueueKind#SPSC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(Publication.class)
    @State
    public static class SpscArray extends Probe {
        public SpscArray() {
            super(QueueKind.SPSC_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(III_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#MPSC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(Publication.class)
    @State
    public static class MpscArray extends Probe {
        public MpscArray() {
            super(QueueKind.MPSC_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(III_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#SPMC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(Publication.class)
    @State
    public static class SpmcArray extends Probe {
        public SpmcArray() {
            super(QueueKind.SPMC_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(III_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#MPMC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(Publication.class)
    @State
    public static class MpmcArray extends Probe {
        public MpmcArray() {
            super(QueueKind.MPMC_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(III_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#MPSC_LINKED}. */
    @JCStressTest
    @JCStressMeta(Publication.class)
    @State
    public static class MpscLinked extends Probe {
        public MpscLinked() {
            super(QueueKind.MPSC_LINKED);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(III_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#MPMC_LINKED}. */
    @JCStressTest
    @JCStressMeta(Publication.class)
    @State
    public static class MpmcLinked extends Probe {
        public MpmcLinked() {
            super(QueueKind.MPMC_LINKED);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(III_Result r) {
            consume(r);
        }
    }
}
