package dev.cooper.concurrent.channel;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The fields a {@link ChannelLock} keeps beside its lock word, in a class of their own so that
 * HotSpot lays them out right after AQS's fields and before ChannelLock's padding (it places a
 * superclass's fields before a subclass's, but orders one class's fields by size, which would
 * put padding bytes between the lock word and these). Every field is guarded by the channel's
 * lock or locks, as noted; see ChannelLock for why they live here.
 */
@SuppressWarnings("serial") // AQS is Serializable; a channel's lock is never serialized
abstract class ChannelLockFields extends AbstractQueuedSynchronizer {
    /** The ends of the senders' queue, if it lives here (see {@link WaitQueue}). */
    Node sendersHead;
    Node sendersTail;
    /** The ends of the receivers' queue, if it lives here. */
    Node receiversHead;
    Node receiversTail;
    /** The ring's put index, if this is the send lock (see {@link Ring}); the sending side's. */
    int putIndex;
    /** The ring's take index, if this is the receive lock; the receiving side's. */
    int takeIndex;
}
