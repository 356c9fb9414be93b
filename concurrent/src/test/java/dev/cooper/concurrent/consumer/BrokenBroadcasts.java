package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.channel.ChannelClosedException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deliberately broken broadcasts, each with a bug of a kind a broadcast can have, for
 * {@link BroadcastBlockingLinearizabilityTest}. They wrap a real {@link Broadcast} and break
 * one operation; everything else forwards.
 */
final class BrokenBroadcasts {

    private BrokenBroadcasts() {
    }

    /**
     * A receive that, finding nothing, waits on a condition of its own, signalled by every
     * publish, close and leave, but checks the broadcast outside that condition's lock: a
     * publish between its check and its wait signals nobody, and the reader sleeps with a
     * message ready.
     */
    static BroadcastUnderTest receiveWakeUpCanBeLost(int capacity, Overflow overflow) {
        return new BroadcastUnderTest(capacity, overflow) {
            private final Signal published = new Signal();

            @Override
            void publish(int message) throws InterruptedException {
                super.publish(message);
                published.signal();
            }

            @Override
            boolean tryPublish(int message) {
                boolean done = super.tryPublish(message);
                published.signal();
                return done;
            }

            @Override
            void close() {
                super.close();
                published.signal();
            }

            @Override
            void leave(int reader) {
                super.leave(reader);
                published.signal();
            }

            @Override
            int receive(int reader) throws InterruptedException {
                for (;;) {
                    Integer message = reader(reader).poll();
                    if (message != null) {
                        return message;
                    }
                    if (reader(reader).isDone()) {
                        throw new ChannelClosedException("reader is done");
                    }
                    published.await(); // the bug: the checks above are not under its lock
                }
            }
        };
    }

    /**
     * A publish (under {@link Overflow#BLOCK_WRITER}) that, finding the ring full, waits on a
     * condition of its own, signalled by every receive, poll and leave, but tries outside that
     * condition's lock: a receive between its try and its wait signals nobody, and the writer
     * sleeps with room in the ring.
     */
    static BroadcastUnderTest publishWakeUpCanBeLost(int capacity) {
        return new BroadcastUnderTest(capacity, Overflow.BLOCK_WRITER) {
            private final Signal advanced = new Signal();

            @Override
            void publish(int message) throws InterruptedException {
                while (!super.tryPublish(message)) {
                    advanced.await(); // the bug: the try above is not under its lock
                }
            }

            @Override
            int receive(int reader) throws InterruptedException {
                int message = super.receive(reader);
                advanced.signal();
                return message;
            }

            @Override
            Integer poll(int reader) {
                Integer message = super.poll(reader);
                advanced.signal();
                return message;
            }

            @Override
            void leave(int reader) {
                super.leave(reader);
                advanced.signal();
            }
        };
    }

    /**
     * A receive that, finding nothing, checks the closed flag on its own: a message published
     * and the broadcast closed between the two reads are seen as "closed", and the message,
     * still there to take, is reported as never published. A race of a receive with a publish
     * and a close.
     */
    static BroadcastUnderTest closedSeenBeforeTheMessage(int capacity, Overflow overflow) {
        return new BroadcastUnderTest(capacity, overflow) {
            @Override
            int receive(int reader) throws InterruptedException {
                Integer message = reader(reader).poll();
                if (message != null) {
                    return message;
                }
                if (broadcast.isClosed()) {
                    throw new ChannelClosedException("broadcast is closed");
                }
                return super.receive(reader);
            }
        };
    }

    /** A condition to wait on and signal, with no state of its own. */
    private static final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();

        void await() throws InterruptedException {
            lock.lock();
            try {
                changed.await();
            } finally {
                lock.unlock();
            }
        }

        void signal() {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
