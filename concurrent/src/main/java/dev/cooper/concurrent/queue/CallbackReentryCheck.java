package dev.cooper.concurrent.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The debug check behind {@code -Dcooper.queue.checkThreads=true} that refuses, on the kinds
 * that use it, the calls into a queue that {@link MessageQueue} or the kind's class forbids
 * from inside that queue's {@code drain} consumer or {@code fill} supplier. A queue keeps one
 * check per batch call it guards; the batch call marks the current thread as inside its
 * callback ({@link #enter}, {@link #exit}), and each forbidden method asks {@link #check}
 * first, so a refused call throws {@link IllegalStateException} before it changes anything.
 *
 * <p>The marks are kept per thread, not in the queue: another thread's calls are never
 * refused, also while a callback waits inside the queue ({@code LOCKED_ARRAY}'s waits release
 * the lock its batch calls hold, and let other threads in); and a callback may run a batch
 * call of another queue, whose mark nests inside (innermost last).
 *
 * <p>The single-role kinds get these refusals from {@link ThreadRoleCheck}, the two-lock kinds
 * from {@code LockCallbackCheck}.
 */
final class CallbackReentryCheck {
    /**
     * Why a multi-producer array kind's {@code fill} refuses an insert, take or peek from its
     * supplier: without the check, a {@code peek} there spins for ever.
     */
    static final String FILL_CLAIMS_SLOTS = "MessageQueue.fill forbids this on a multi-producer array kind: the "
            + "slots the fill has claimed hold up every consumer, this thread too, until it writes them";

    /**
     * Why a multi-consumer array kind's {@code drain} refuses a take from its consumer: the
     * elements of the claimed run not yet handed on are out of every other call's reach.
     */
    static final String DRAIN_CLAIMS_RUN = "MessageQueue.drain forbids this: the drain has claimed a run of "
            + "elements at once and hands them on one by one, so a take here passes the rest of that run: it "
            + "gets later elements first, finds the queue empty while the run still holds some (a take() then "
            + "waits for a new element, for ever if none comes), and a clear() leaves the run to be handed on after it";

    /**
     * Why a multi-consumer array kind's {@code drain} refuses an insert from its consumer: the
     * slots of the claimed run stay held until each element is handed on.
     */
    static final String DRAIN_HOLDS_SLOTS = "MessageQueue.drain forbids this on SPMC_ARRAY and MPMC_ARRAY: the "
            + "drain holds the slots of the run it claimed until it hands each element on, so an insert that "
            + "wraps onto one of them (a nearly full ring) waits for this very call, for ever";

    /**
     * Why a linked kind's {@code fill} refuses an insert from its supplier although it would do
     * no harm there.
     */
    static final String FILL_IS_A_LOOP_OF_OFFER = "MessageQueue.fill forbids this on every kind. On this one, whose "
            + "fill is a loop of offer, it would do no harm; the other kinds keep their place in the queue, or "
            + "slots they have claimed, for the whole call, and the insert there is overwritten or waits for "
            + "ever, so code that does it breaks when its queue's kind changes";

    /** The checks whose callback the current thread is running, innermost last. */
    private static final ThreadLocal<List<CallbackReentryCheck>> INSIDE = ThreadLocal.withInitial(ArrayList::new);

    private final QueueKind kind;
    /** The batch call, "drain" or "fill". */
    private final String batch;
    /** Which rule forbids the refused calls, and what they would do: the message's last sentence. */
    private final String why;

    private CallbackReentryCheck(QueueKind kind, String batch, String why) {
        this.kind = kind;
        this.batch = batch;
        this.why = why;
    }

    /**
     * A check for calls from inside one queue's {@code drain} consumer, or null when checks are
     * off (callers test {@link ThreadRoleCheck#ENABLED}).
     *
     * @param why the rule that forbids them and what they would do: the message's last sentence
     */
    static CallbackReentryCheck forDrain(QueueKind kind, String why) {
        return ThreadRoleCheck.ENABLED ? new CallbackReentryCheck(kind, "drain", why) : null;
    }

    /** As {@link #forDrain}, for calls from inside one queue's {@code fill} supplier. */
    static CallbackReentryCheck forFill(QueueKind kind, String why) {
        return ThreadRoleCheck.ENABLED ? new CallbackReentryCheck(kind, "fill", why) : null;
    }

    /** Throws if the current thread is inside this check's callback; {@code method} names the call. */
    void check(String method) {
        check(method, why);
    }

    /**
     * As {@link #check(String)}, for a call refused for another reason than the check's own;
     * {@code reason} is the message's last sentence.
     */
    void check(String method, String reason) {
        if (INSIDE.get().contains(this)) {
            String callback = batch.equals("drain") ? "drain's consumer" : "fill's supplier";
            throw new IllegalStateException(kind + ": " + method + " was called from inside " + callback
                    + " on the same queue. " + reason);
        }
    }

    /**
     * {@link #check} for a nested batch call of the same kind (a drain inside drain's consumer,
     * a fill inside fill's supplier), then marks the current thread as inside this callback.
     */
    void enter() {
        check(batch);
        INSIDE.get().add(this);
    }

    /** Ends what {@link #enter} marked; call in a {@code finally}. */
    void exit() {
        List<CallbackReentryCheck> inside = INSIDE.get();
        inside.remove(inside.size() - 1);
    }

    /**
     * For a {@code drain} that is a loop of calls this check refuses ({@code poll}):
     * {@code consumer} with the current thread marked as inside the callback only while it
     * runs, so that the loop's own calls pass. A nested drain of the same queue needs no check
     * of its own: its first {@code poll} is refused, after the limit check, as on the kinds
     * that check in {@link #enter}.
     */
    <E> Consumer<E> marking(Consumer<? super E> consumer) {
        Objects.requireNonNull(consumer, "consumer is null");
        return e -> {
            enter();
            try {
                consumer.accept(e);
            } finally {
                exit();
            }
        };
    }

    /** As {@link #marking(Consumer)}, for a {@code fill} that is a loop of {@code offer}. */
    <E> Supplier<E> marking(Supplier<? extends E> supplier) {
        Objects.requireNonNull(supplier, "supplier is null");
        return () -> {
            enter();
            try {
                return supplier.get();
            } finally {
                exit();
            }
        };
    }
}
