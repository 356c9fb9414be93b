package dev.cooper.concurrent.channel;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deliberately broken channels, each with a bug of a kind a channel implementation can have,
 * for {@link LincheckCatchesBrokenChannelsTest}. They wrap a real {@link Channel} and break
 * one operation; everything else delegates.
 */
final class BrokenChannels {

    private BrokenChannels() {
    }

    /**
     * A receive that, finding nothing, checks the closed flag on its own: an element sent and
     * a close made between the two reads are seen as "closed", and the element, still
     * buffered, is reported as never there. A race of a receive with a send and a close.
     */
    static ChannelUnderTest closedSeenBeforeTheElement(int capacity) {
        Channel<Integer> channel = Channel.buffered(capacity);
        return new DelegatingChannel(channel) {
            @Override
            public int receive() throws InterruptedException {
                if (channel.tryReceive() instanceof ReceiveResult.Received<Integer> got) {
                    return got.value();
                }
                if (channel.isClosed()) {
                    throw new ChannelClosedException("channel is closed and drained");
                }
                return channel.receive();
            }
        };
    }

    /**
     * A "rendezvous" channel whose send returns once its element is queued, before any
     * receiver has taken it (a buffer of one element under the rendezvous contract).
     */
    static ChannelUnderTest rendezvousThatReturnsEarly() {
        return ChannelUnderTest.of(Channel.buffered(1));
    }

    /**
     * A receive that waits on a condition of its own, signalled by every send and close, but
     * checks the channel outside that condition's lock: a send that lands between its check
     * and its wait signals nobody, and the receiver sleeps with an element ready.
     */
    static ChannelUnderTest wakeUpCanBeLost(int capacity) {
        return new LostWakeUp(Channel.buffered(capacity));
    }

    private static final class LostWakeUp extends DelegatingChannel {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();

        LostWakeUp(Channel<Integer> channel) {
            super(channel);
        }

        @Override
        public void send(int e) throws InterruptedException {
            super.send(e);
            signal();
        }

        @Override
        public boolean trySend(int e) {
            boolean sent = super.trySend(e);
            signal();
            return sent;
        }

        @Override
        public int receive() throws InterruptedException {
            for (;;) {
                switch (tryReceive()) {
                    case ReceiveResult.Received<Integer> got -> {
                        return got.value();
                    }
                    case ReceiveResult.Closed<Integer> closed ->
                        throw new ChannelClosedException("channel is closed and drained");
                    case ReceiveResult.Empty<Integer> empty -> {
                        lock.lock(); // the bug: the check above is not under this lock
                        try {
                            changed.await();
                        } finally {
                            lock.unlock();
                        }
                    }
                }
            }
        }

        @Override
        public void close() {
            super.close();
            signal();
        }

        @Override
        public List<Integer> cancel() {
            List<Integer> rest = super.cancel();
            signal();
            return rest;
        }

        private void signal() {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
