package dev.cooper.concurrent.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Lets a wait outside the queue package give back the run that a {@code SPSC_ARRAY} or
 * {@code MPSC_ARRAY} drain holds while the current thread runs its consumer (decisions 0028 and
 * 0030): a channel's send or receive, a broadcast's wait, a consumer group's retry back-off.
 * The queues' blocking calls do the same from inside their package.
 *
 * <p>The queue package installs the service when its first such drain runs, so a thread that
 * holds a run always finds it installed; before that, nobody holds one and
 * {@link #giveBackHeldRun()} returns false.
 */
public final class HeldRunAccess {
    /** Set once, by the queue package; read by any thread about to wait. */
    private static volatile BooleanSupplier giveBack;

    private HeldRunAccess() {
    }

    /**
     * Installs the queue package's give-back. Called once, by that package.
     *
     * @param service gives back the current thread's held run; returns whether it gave any
     * @throws IllegalStateException if a service is installed already
     */
    public static void install(BooleanSupplier service) {
        // A CAS, so that a second install fails even when two race.
        if (!GIVE_BACK.compareAndSet((BooleanSupplier) null, Objects.requireNonNull(service, "service is null"))) {
            throw new IllegalStateException("the held-run give-back is installed already");
        }
    }

    /**
     * Gives back the run held by the drain whose consumer the current thread is running, if
     * there is one, and wakes the producers waiting for that room. Call just before a wait.
     *
     * @return whether any room was given back
     */
    public static boolean giveBackHeldRun() {
        BooleanSupplier service = giveBack;
        return service != null && service.getAsBoolean();
    }

    // VarHandle mechanics

    private static final VarHandle GIVE_BACK;

    static {
        try {
            GIVE_BACK = MethodHandles.lookup().findStaticVarHandle(HeldRunAccess.class, "giveBack",
                    BooleanSupplier.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
