package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The debug check behind {@code -Dcooper.queue.checkThreads=true}: remembers the thread that
 * holds a single-thread role (producer or consumer) of a queue and refuses another live one.
 * A role passes to a new thread once the old one has terminated. It also refuses a call of the
 * role made from inside the role's own {@code drain} consumer or {@code fill} supplier, which
 * {@link MessageQueue#drain} and {@link MessageQueue#fill} forbid.
 */
final class ThreadRoleCheck {
    /** Read once; when false, callers' {@code if (ENABLED)} blocks are compiled away. */
    static final boolean ENABLED = Boolean.getBoolean("cooper.queue.checkThreads");

    private final QueueKind kind;
    private final String role;
    private volatile Thread owner;
    /**
     * Whether the owner is inside a {@code drain} consumer or {@code fill} supplier of this
     * role ({@link #enter}); plain: only the owner thread reads and writes it.
     */
    private boolean inCallback;

    private ThreadRoleCheck(QueueKind kind, String role) {
        this.kind = kind;
        this.role = role;
    }

    /** A check for {@code role}, or null when checks are off (callers test {@link #ENABLED}). */
    static ThreadRoleCheck forRole(QueueKind kind, String role) {
        return ENABLED ? new ThreadRoleCheck(kind, role) : null;
    }

    /**
     * Claims the role for the current thread, or throws if another live thread holds it, or if
     * this thread is inside a consumer or supplier of the role's batch call.
     */
    void check() {
        Thread current = Thread.currentThread();
        for (Thread o = owner; o != current; o = owner) {
            if (o != null && o.isAlive()) {
                throw new IllegalStateException(kind + " allows one " + role + " thread, but "
                        + current + " acted as " + role + " while " + o + " still holds the role");
            }
            if (OWNER.compareAndSet(this, o, current)) {
                break;
            }
        }
        if (inCallback) {
            String batch = role.equals("consumer") ? "drain's consumer" : "fill's supplier";
            throw new IllegalStateException(kind + ": a " + role + " method was called from inside " + batch
                    + " on the same queue, which MessageQueue." + (role.equals("consumer") ? "drain" : "fill")
                    + " forbids");
        }
    }

    /** {@link #check}, then marks the start of a batch call that runs a consumer or supplier. */
    void enter() {
        check();
        inCallback = true;
    }

    /** Marks its end; call in a {@code finally}. */
    void exit() {
        inCallback = false;
    }

    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(ThreadRoleCheck.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
