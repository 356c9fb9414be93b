package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link ForwardingQueue} whose every insertion goes through {@link #offer(Object)}: a timed
 * offer, {@code put} and {@code fill} retry it, so that a queue broken on insertion overrides that
 * one method. The retries back off as the properties' threads do ({@link TestThreads#backOff}),
 * parking after a few yields: yielding alone let virtual producers that waited for room keep
 * the carriers from the consumers, and a shrink of the duplicating mutant ran into the test's
 * timeout.
 */
abstract class OfferingQueue<E> extends ForwardingQueue<E> {

    OfferingQueue(MessageQueue<E> delegate) {
        super(delegate);
    }

    @Override
    public abstract boolean offer(E e);

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (int round = 0; !offer(e); round++) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            TestThreads.backOff(round);
        }
        return true;
    }

    @Override
    public void put(E e) throws InterruptedException {
        offer(e, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        int n = 0;
        while (n < limit && delegate.remainingCapacity() > 0) {
            E e = supplier.get();
            for (int round = 0; !offer(e); round++) {
                TestThreads.backOff(round);
            }
            n++;
        }
        return n;
    }
}
