package dev.cooper.concurrent.queue;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The weakly consistent iterator of the lock-free linked kinds: from a head it walks the
 * next links and returns the items it finds, skipping nodes already emptied (taken by a
 * consumer, or removed), and going back to the head when it finds itself on a node the
 * consumers have passed (see {@link LinkedNode}). It reads one item ahead, so {@code next()} may return an item taken
 * after {@code hasNext()} saw it, as {@link java.util.concurrent.ConcurrentLinkedQueue}'s
 * does. It never throws {@link java.util.ConcurrentModificationException}.
 *
 * <p>Reads are volatile, so any thread may iterate. {@link #remove()} is unsupported here; a
 * queue that can remove overrides it, using {@link #returned} to learn what {@code next()}
 * returned.
 */
class LinkedNodeIterator<E> implements Iterator<E> {
    /** The queue, whose head the walk goes back to when it stands on a node off the list. */
    private final LinkedQueueHeadField<E> queue;
    /** The node of the item {@link #next} returns next, or null at the end. */
    private LinkedNode<E> nextNode;
    private E nextItem;

    LinkedNodeIterator(LinkedQueueHeadField<E> queue) {
        this.queue = queue;
        advance(queue.volatileHead());
    }

    /**
     * Moves to the first node after {@code from} that still holds an item; if {@code from}
     * (or a node after it) is off the list by then, the walk goes on from the head, since
     * every node between was taken.
     */
    private void advance(LinkedNode<E> from) {
        for (LinkedNode<E> p = from.nextOrHead(queue); p != null; p = p.nextOrHead(queue)) {
            E item = p.volatileItem();
            if (item != null) {
                nextNode = p;
                nextItem = item;
                return;
            }
        }
        nextNode = null;
        nextItem = null;
    }

    @Override
    public final boolean hasNext() {
        return nextNode != null;
    }

    @Override
    public final E next() {
        LinkedNode<E> node = nextNode;
        if (node == null) {
            throw new NoSuchElementException();
        }
        E item = nextItem;
        returned(node, item);
        advance(node);
        return item;
    }

    /** Unsupported unless the queue's iterator overrides it. */
    @Override
    public void remove() {
        throw new UnsupportedOperationException(queue.kind() + " does not support removal through its iterator");
    }

    /** Called by {@link #next()} with the node and item it returns; nothing by default. */
    void returned(LinkedNode<E> node, E item) {
    }
}
