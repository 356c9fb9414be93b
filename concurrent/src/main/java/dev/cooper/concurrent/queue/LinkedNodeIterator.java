package dev.cooper.concurrent.queue;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The weakly consistent iterator of the lock-free linked kinds: from a head it walks the
 * next links and returns the items it finds, skipping nodes already emptied (taken by a
 * consumer, or removed). It reads one item ahead, so {@code next()} may return an item taken
 * after {@code hasNext()} saw it, as {@link java.util.concurrent.ConcurrentLinkedQueue}'s
 * does. It never throws {@link java.util.ConcurrentModificationException}.
 *
 * <p>Reads are volatile, so any thread may iterate. {@link #remove()} is unsupported here; a
 * queue that can remove overrides it, using {@link #returned} to learn what {@code next()}
 * returned.
 */
class LinkedNodeIterator<E> implements Iterator<E> {
    /** The node of the item {@link #next} returns next, or null at the end. */
    private LinkedNode<E> nextNode;
    private E nextItem;

    LinkedNodeIterator(LinkedNode<E> head) {
        advance(head);
    }

    /** Moves to the first node after {@code from} that still holds an item. */
    private void advance(LinkedNode<E> from) {
        for (LinkedNode<E> p = from.volatileNext(); p != null; p = p.volatileNext()) {
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

    /** Called by {@link #next()} with the node and item it returns; nothing by default. */
    void returned(LinkedNode<E> node, E item) {
    }
}
