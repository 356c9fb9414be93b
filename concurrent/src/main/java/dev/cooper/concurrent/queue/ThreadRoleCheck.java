package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The debug check behind {@code -Dcooper.queue.checkThreads=true}: remembers the thread that
 * holds a single-thread role (producer or consumer) of a queue and refuses another live one.
 * A role passes to a new thread once the old one has terminated.
 */
final class ThreadRoleCheck {
    /** Read once; when false, callers' {@code if (ENABLED)} blocks are compiled away. */
    static final boolean ENABLED = Boolean.getBoolean("cooper.queue.checkThreads");

    private final QueueKind kind;
    private final String role;
    private volatile Thread owner;

    private ThreadRoleCheck(QueueKind kind, String role) {
        this.kind = kind;
        this.role = role;
    }

    /** A check for {@code role}, or null when checks are off (callers test {@link #ENABLED}). */
    static ThreadRoleCheck forRole(QueueKind kind, String role) {
        return ENABLED ? new ThreadRoleCheck(kind, role) : null;
    }

    /** Claims the role for the current thread, or throws if another live thread holds it. */
    void check() {
        Thread current = Thread.currentThread();
        Thread o = owner;
        while (o != current) {
            if (o != null && o.isAlive()) {
                throw new IllegalStateException(kind + " allows one " + role + " thread, but "
                        + current + " acted as " + role + " while " + o + " still holds the role");
            }
            if (OWNER.compareAndSet(this, o, current)) {
                return;
            }
            o = owner;
        }
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
