package dev.cooper.concurrent.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * The debug check behind {@code -Dcooper.queue.checkThreads=true} for the multi-producer array
 * kinds' {@code fill}, which claims slots before it calls its supplier: a call made from inside
 * that supplier that inserts into, takes from or peeks at the same queue is refused with an
 * {@link IllegalStateException}. {@link MessageQueue#fill} forbids such calls because a
 * consumer that reaches a claimed slot waits until the fill writes it, and the calling thread
 * would be waiting on itself: without the check, a {@code peek} there spins for ever. (The
 * single-producer kinds get the same refusal of inserts from {@link ThreadRoleCheck}.)
 */
final class FillClaimCheck {
    /** The checks of the queues whose fill supplier the current thread is running, innermost last. */
    private static final ThreadLocal<List<FillClaimCheck>> FILLING = ThreadLocal.withInitial(ArrayList::new);

    private final QueueKind kind;

    private FillClaimCheck(QueueKind kind) {
        this.kind = kind;
    }

    /** A check for one queue of {@code kind}, or null when checks are off (callers test {@link ThreadRoleCheck#ENABLED}). */
    static FillClaimCheck forKind(QueueKind kind) {
        return ThreadRoleCheck.ENABLED ? new FillClaimCheck(kind) : null;
    }

    /** Throws if the current thread is inside this queue's fill supplier; {@code method} names the call. */
    void check(String method) {
        if (FILLING.get().contains(this)) {
            throw new IllegalStateException(kind + ": " + method + " was called from inside fill's supplier on the "
                    + "same queue, which MessageQueue.fill forbids on a multi-producer array kind: the slots the "
                    + "fill has claimed hold up every consumer, this thread too, until it writes them");
        }
    }

    /** {@link #check} for a nested fill, then marks the current thread as inside this queue's fill. */
    void enter() {
        check("fill");
        FILLING.get().add(this);
    }

    /** Ends what {@link #enter} marked; call in a {@code finally}. */
    void exit() {
        List<FillClaimCheck> filling = FILLING.get();
        filling.remove(filling.size() - 1);
    }
}
