package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A {@link MessageQueue} that forwards every call to a real one: the base of the broken test queues. */
abstract class ForwardingQueue<E> extends AbstractQueue<E> implements MessageQueue<E> {

    final MessageQueue<E> delegate;

    ForwardingQueue(MessageQueue<E> delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean offer(E e) {
        return delegate.offer(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.offer(e, timeout, unit);
    }

    @Override
    public void put(E e) throws InterruptedException {
        delegate.put(e);
    }

    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        return delegate.fill(supplier, limit);
    }

    @Override
    public E poll() {
        return delegate.poll();
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.poll(timeout, unit);
    }

    @Override
    public E take() throws InterruptedException {
        return delegate.take();
    }

    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        return delegate.drain(consumer, limit);
    }

    @Override
    public int drainTo(Collection<? super E> target) {
        return drain(target::add, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> target, int maxElements) {
        return drain(target::add, Math.max(0, maxElements));
    }

    @Override
    public E peek() {
        return delegate.peek();
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public Iterator<E> iterator() {
        return delegate.iterator();
    }

    @Override
    public int remainingCapacity() {
        return delegate.remainingCapacity();
    }

    @Override
    public int capacity() {
        return delegate.capacity();
    }

    @Override
    public QueueKind kind() {
        return delegate.kind();
    }
}
