package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Permits keeps its takers' counter and its givers' counter on separate cache lines:
 * PermitsPad0 -> takers' fields -> PermitsPad1 -> givers' field -> PermitsPad2 -> Permits
 * (the initial count, the givers' mutex and the waiter count: read-mostly). All longs, so HotSpot keeps
 * this order (it only moves a subclass field into a superclass gap that fits, and longs
 * leave none).
 */

/** Padding before the takers' fields. */
abstract class PermitsPad0 {
    long p0_00, p0_01, p0_02, p0_03, p0_04, p0_05, p0_06, p0_07;
    long p0_08, p0_09, p0_10, p0_11, p0_12, p0_13, p0_14, p0_15;
}

/** Written by the takers only, under their mutex. */
abstract class PermitsTakerFields extends PermitsPad0 {
    /** Permits ever taken, less those given back by {@code untake}; never above given + initial. */
    long taken;
    /** A value of {@code given} read earlier, never above the current one. */
    long seenGiven;
}

/** Padding between the takers' and the givers' fields. */
abstract class PermitsPad1 extends PermitsTakerFields {
    long p1_00, p1_01, p1_02, p1_03, p1_04, p1_05, p1_06, p1_07;
    long p1_08, p1_09, p1_10, p1_11, p1_12, p1_13, p1_14, p1_15;
}

/** Written by the givers only, under their mutex. */
abstract class PermitsGiverFields extends PermitsPad1 {
    /**
     * Permits ever given (Dijkstra's V); never decreases. Written under the givers' mutex
     * with release, read by anyone with acquire (VarHandle below).
     */
    long given;
}

/** Padding after the givers' field. */
abstract class PermitsPad2 extends PermitsGiverFields {
    long p2_00, p2_01, p2_02, p2_03, p2_04, p2_05, p2_06, p2_07;
    long p2_08, p2_09, p2_10, p2_11, p2_12, p2_13, p2_14, p2_15;
}

/**
 * A counting semaphore for the one pattern of {@link SemaphoreArrayQueue}: every P (take) runs
 * under one mutex, every V (give) under another, the givers' mutex. Its count is kept as two
 * monotonic counters, {@code initial + given - taken}, each written by one side only, so
 * neither P nor V needs an atomic read-modify-write and the two sides never write a cache
 * line in common. The takers keep the last {@code given} they read and re-read it only when
 * that cached view says no permit is left (the cached-index trick of FastFlow and B-Queue),
 * so in the common case a P reads nothing the givers write.
 *
 * <p>Waiting is separate from taking: {@link #await} waits, holding no mutex of its own
 * side, until a permit is available and then lets the caller retry its P under its mutex
 * (see {@code SemaphoreArrayQueue}'s class comment). A waiter registers and sleeps on a
 * condition of the givers' mutex, and a V checks for registered waiters under that same
 * mutex: the mutex orders the two, so no wake-up is lost and a V needs no fence (the
 * waiting scheme of LinkedBlockingQueue's cross-lock signal).
 *
 * <p>Happens-before: a V's release of {@code given}, read with acquire by a later P (directly,
 * or earlier into {@code seenGiven}), orders everything the giver did before its V before
 * everything the taker does after its P.
 */
final class Permits extends PermitsPad2 {
    private final long initial;
    /** The mutex every V runs under; waiters register under it too. */
    private final ReentrantLock giverLock;
    /** Where takers sleep until a V; a condition of giverLock. */
    private final Condition nonZero;
    /** Takers in {@link #await}; guarded by giverLock. */
    private int waiting;

    Permits(int initial, ReentrantLock giverLock) {
        this.initial = initial;
        this.giverLock = giverLock;
        this.nonZero = giverLock.newCondition();
    }

    /**
     * The permits available now, from any thread; exact when no P or V runs. Reads
     * {@code given} before {@code taken}: the result never exceeds the count at the moment of
     * the second read, and is brought up to 0 if a P in between made it negative.
     */
    int available() {
        long g = acquireGiven();
        long n = initial + g - acquireTaken();
        return n <= 0 ? 0 : (int) n;
    }

    /** Takers only, under their mutex: takes one permit if there is one. */
    boolean tryAcquire() {
        return tryAcquireUpTo(1) == 1;
    }

    /** Takers only, under their mutex: takes up to {@code limit} permits; how many. */
    int tryAcquireUpTo(int limit) {
        // Plain: the takers' own fields, under their mutex.
        long t = taken;
        long n = initial + seenGiven - t;
        if (n < limit) {
            long g = acquireGiven(); // acquire: the happens-before edge from the givers
            seenGiven = g;
            n = initial + g - t;
            if (n <= 0) {
                return 0;
            }
        }
        int k = (int) Math.min(n, limit);
        // Release: lock-free readers (available) see it after what preceded it; the takers'
        // mutex orders it for the next taker.
        releaseTaken(t + k);
        return k;
    }

    /**
     * Takers only, under their mutex: gives back {@code n} permits taken but not used. The
     * caller must call {@link #wakeAll()} after it has let go of its mutex (a thread holding
     * the consumers' mutex may not take the producers').
     */
    void untake(int n) {
        releaseTaken(taken - n);
    }

    /** Any thread holding no mutex: wakes every waiting taker (after an {@link #untake}). */
    void wakeAll() {
        giverLock.lock();
        try {
            if (waiting > 0) {
                nonZero.signalAll();
            }
        } finally {
            giverLock.unlock();
        }
    }

    /** Givers only, under giverLock: Dijkstra's V. */
    void release() {
        // Plain read: the givers' own field, under giverLock. Release: see the class comment.
        releaseGiven(given + 1);
        if (waiting > 0) { // under giverLock, as every registration
            nonZero.signal();
        }
    }

    /** Givers only, under giverLock: Dijkstra's V, {@code n} times at once. */
    void release(int n) {
        if (n <= 0) {
            return;
        }
        releaseGiven(given + n);
        if (waiting > 0) {
            if (n == 1) {
                nonZero.signal();
            } else {
                nonZero.signalAll();
            }
        }
    }

    /**
     * Waits, holding no mutex, until a permit is available; takes nothing. The caller
     * retries its P under its mutex and may find the permit gone to another taker: then it
     * waits again. A taker that is signalled and then interrupted returns normally with its
     * interrupt status set (the condition's rule), so a signal is never lost to an interrupt.
     *
     * @return false if {@code timed} and {@code deadline} (a {@link System#nanoTime()}) passed
     * @throws InterruptedException if interrupted before or while waiting
     */
    boolean await(long deadline, boolean timed) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        // A look without the givers' mutex first: taking it here would contend with the
        // givers, who hold it for every V; measured, this check tripled 1P-1C put/take
        // throughput. No spinning: measured, a spin on available() before the mutex lost.
        if (available() > 0) {
            return true;
        }
        OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
        giverLock.lockInterruptibly();
        try {
            while (available() == 0) { // under giverLock: no V can slip in between
                long nanos = 0L;
                if (timed && (nanos = deadline - System.nanoTime()) <= 0L) {
                    return false;
                }
                waiting++;
                try {
                    if (timed) {
                        nonZero.awaitNanos(nanos);
                    } else {
                        nonZero.await();
                    }
                } finally {
                    waiting--;
                }
            }
            return true;
        } finally {
            giverLock.unlock();
        }
    }

    // VarHandle mechanics

    private static final VarHandle TAKEN;
    private static final VarHandle GIVEN;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAKEN = lookup.findVarHandle(PermitsTakerFields.class, "taken", long.class);
            GIVEN = lookup.findVarHandle(PermitsGiverFields.class, "given", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long acquireTaken() {
        return (long) TAKEN.getAcquire(this);
    }

    private void releaseTaken(long value) {
        TAKEN.setRelease(this, value);
    }

    private long acquireGiven() {
        return (long) GIVEN.getAcquire(this);
    }

    private void releaseGiven(long value) {
        GIVEN.setRelease(this, value);
    }
}
