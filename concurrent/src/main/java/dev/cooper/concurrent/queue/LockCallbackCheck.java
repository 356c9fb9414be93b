package dev.cooper.concurrent.queue;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The debug check behind {@code -Dcooper.queue.checkThreads=true} for the two-lock kinds
 * ({@code TWO_LOCK_LINKED}, {@code SEMAPHORE_ARRAY}): their {@code drain} and {@code fill} run
 * the consumer or supplier while holding one of the queue's two locks, and their classes forbid
 * calling back into the queue from there. A call back would take the other lock against a
 * thread that holds both (a deadlock), wait on a condition only this thread could signal, or,
 * through the held lock's re-entry, change the counts the batch call keeps in local variables.
 * The check refuses such a call with an {@link IllegalStateException} before it takes a lock.
 */
final class LockCallbackCheck {

    private LockCallbackCheck() {
    }

    /**
     * Throws if the current thread holds either of the queue's locks, which, on entry to a
     * public method, means it is inside that queue's drain consumer or fill supplier.
     * Callers test {@link ThreadRoleCheck#ENABLED} first.
     */
    static void refuseCallBack(QueueKind kind, String method, ReentrantLock putLock, ReentrantLock takeLock) {
        if (putLock.isHeldByCurrentThread() || takeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException(kind + ": " + method + " was called from inside drain's consumer or "
                    + "fill's supplier on the same queue, which the kind forbids: they run holding one of the "
                    + "queue's locks, and a call back in can deadlock or corrupt its counts");
        }
    }
}
