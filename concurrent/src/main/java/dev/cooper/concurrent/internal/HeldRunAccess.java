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
 * <p>The queue package installs the service when its {@code OwnDrain} is first used (a drain,
 * or a queue's wait), so a thread that holds a run always finds it installed; before that,
 * nobody holds one and {@link #giveBackHeldRun()} returns false.
 */
public final class HeldRunAccess {
    private static final String OWN_DRAIN = "dev.cooper.concurrent.queue.OwnDrain";

    /** Set once, by the queue package; read by any thread about to wait. */
    private static volatile BooleanSupplier giveBack;

    private HeldRunAccess() {
    }

    /**
     * Installs the queue package's give-back. Only that package's {@code OwnDrain} may, once,
     * and proves it with a lookup of its own (only code in a class can make a full-privilege
     * lookup of it): on the class path this package is open to anyone, and a service put here
     * by other code would keep the queues' own from being installed.
     *
     * @param owner {@code MethodHandles.lookup()}, called in {@code OwnDrain}
     * @param service gives back the current thread's held runs; returns whether it gave any
     * @throws IllegalArgumentException if {@code owner} is not a full-privilege lookup of
     *     {@code OwnDrain}
     * @throws IllegalStateException if the service is installed already
     */
    public static void install(MethodHandles.Lookup owner, BooleanSupplier service) {
        Objects.requireNonNull(service, "service is null");
        if (!owner.hasFullPrivilegeAccess() || owner.lookupClass() != ownDrainClass()) {
            throw new IllegalArgumentException("only the queue package installs the held-run give-back");
        }
        // A CAS: exactly one install, even if two raced.
        if (!GIVE_BACK.compareAndSet((BooleanSupplier) null, service)) {
            throw new IllegalStateException("the held-run give-back is installed already");
        }
    }

    private static Class<?> ownDrainClass() {
        try {
            // Not initialized here: the caller is its initializer.
            return Class.forName(OWN_DRAIN, false, HeldRunAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(OWN_DRAIN + " is missing from this module", e);
        }
    }

    /**
     * Gives back the runs held by the drains whose consumers the current thread is running
     * (the innermost and those it runs inside), if there are any, and wakes the producers
     * waiting for that room. Call just before a wait.
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
