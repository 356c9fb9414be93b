package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link ForwardingQueue} whose every insertion goes through {@link #offer(Object)}: a timed
 * offer, {@code put} and {@code fill} retry it, so that a queue broken on insertion overrides that
 * one method. The retries yield rather than park; these queues are for the mutant tests only.
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
        while (!offer(e)) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.yield();
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
            while (!offer(e)) {
                Thread.yield();
            }
            n++;
        }
        return n;
    }
}
