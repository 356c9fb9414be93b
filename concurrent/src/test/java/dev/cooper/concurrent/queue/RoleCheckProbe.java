package dev.cooper.concurrent.queue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Run in a JVM started with {@code -Dcooper.queue.checkThreads=true} (the switch is read once
 * per JVM, so the tests fork one): for each role of the kind named by the first argument, a
 * helper thread takes the role and stays alive while the main thread calls each method of that
 * role, then the helper ends and the main thread calls one again. Then, on fresh queues, it
 * makes the calls from inside {@code fill}'s supplier and {@code drain}'s consumer that the
 * check refuses or must let through. Prints one line per outcome; {@link #expectedReport} is
 * what a correct check prints.
 */
final class RoleCheckProbe {

    private record Call(String name, Consumer<MessageQueue<Integer>> body) {
    }

    private static final Call OFFER = new Call("offer", q -> q.offer(1));
    private static final Call POLL = new Call("poll", MessageQueue::poll);
    private static final Call PEEK = new Call("peek", MessageQueue::peek);
    private static final Call DRAIN = new Call("drain", q -> q.drain(e -> { }, 1));

    private static final List<Call> PRODUCER_CALLS = List.of(OFFER, new Call("fill", q -> q.fill(() -> 2, 1)));

    private static final List<Call> CONSUMER_CALLS = List.of(POLL, PEEK, DRAIN);

    /**
     * The calls that take from a queue, which {@link MessageQueue#drain} forbids inside its
     * consumer on every kind; the last two only on the kinds that support removal.
     */
    private static final List<Call> TAKES = List.of(
            POLL,
            new Call("take", q -> {
                try {
                    q.take();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }),
            DRAIN,
            new Call("drainTo", q -> q.drainTo(new ArrayList<>(), 1)),
            new Call("clear", MessageQueue::clear),
            new Call("remove", q -> q.remove(3)),
            new Call("iterator remove", q -> {
                Iterator<Integer> it = q.iterator();
                it.next();
                it.remove();
            }));

    private RoleCheckProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (!ThreadRoleCheck.ENABLED) {
            System.out.println("checkThreads is off");
            System.exit(2);
        }
        MessageQueue<Integer> q = QueueKind.valueOf(args[0]).create(16);
        List<String> report = new ArrayList<>();
        probe("producer", PRODUCER_CALLS, q, report);
        probe("consumer", CONSUMER_CALLS, q, report);
        probeCallbacks(QueueKind.valueOf(args[0]), report);
        report.forEach(System.out::println);
    }

    /** What the probe prints for {@code kind} when the check works. */
    static String expectedReport(QueueKind kind) {
        List<String> lines = new ArrayList<>();
        for (Call call : PRODUCER_CALLS) {
            lines.add("producer " + call.name() + " " + (kind.multiProducer() ? "shared" : "refused"));
        }
        lines.add("producer handed over");
        for (Call call : CONSUMER_CALLS) {
            lines.add("consumer " + call.name() + " " + (kind.multiConsumer() ? "shared" : "refused"));
        }
        lines.add("consumer handed over");
        lines.add("offer inside fill refused, fill ended");
        lines.add("peek inside fill " + (checksPeekInsideFill(kind) ? "refused, fill ended" : "not checked"));
        if (claimsBeforeSupplying(kind)) {
            lines.add("consumer role free after a producer's refused peek");
        }
        lines.add("poll inside fill " + (checksPeekInsideFill(kind) ? "refused, rest [1, 2, 3]"
                : kind == QueueKind.LOCKED_ARRAY ? "allowed, rest [2, 3]" : "not checked"));
        for (Call take : TAKES) {
            boolean unsupported = take.name().contains("remove") && !supportsRemoval(kind);
            lines.add(take.name() + " inside drain " + (unsupported ? "unsupported" : "refused") + ", rest [2, 3]");
        }
        lines.add("peek inside drain " + (!kind.multiConsumer() || holdsALockInCallbacks(kind) ? "refused" : "allowed")
                + ", rest [2, 3]");
        lines.add("offer inside drain "
                + (holdsALockInCallbacks(kind) || holdsSlotsInDrain(kind) ? "refused, rest [2, 3]"
                        : "allowed, rest [2, 3, 1]"));
        lines.add("nested drains: outer queue refused, inner queue refused, then inner queue allowed, "
                + "outer queue refused, rest [2] and [5]");
        return String.join(System.lineSeparator(), lines);
    }

    private static void probe(String role, List<Call> calls, MessageQueue<Integer> q, List<String> report)
            throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            calls.get(0).body().accept(q);
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holding.await();
        for (Call call : calls) {
            report.add(role + " " + call.name() + " " + outcome(call, q));
        }
        release.countDown();
        holder.join();
        report.add(role + ("shared".equals(outcome(calls.get(0), q)) ? " handed over" : " kept by a dead thread"));
    }

    /**
     * The multi-producer array kinds, whose fill claims slots before it calls the supplier: a
     * take or peek from inside the supplier would wait for those slots for ever.
     */
    private static boolean claimsBeforeSupplying(QueueKind kind) {
        return kind == QueueKind.MPSC_ARRAY || kind == QueueKind.MPMC_ARRAY;
    }

    /**
     * The multi-consumer array kinds, whose drain holds the slots of the run it claimed until
     * it hands each element on: an insert that wraps onto one would wait for the drain itself.
     */
    private static boolean holdsSlotsInDrain(QueueKind kind) {
        return kind == QueueKind.SPMC_ARRAY || kind == QueueKind.MPMC_ARRAY;
    }

    /**
     * The two-lock kinds, whose drain and fill hold one of the queue's locks while the consumer
     * or supplier runs, and which forbid any call back into the queue from there.
     */
    private static boolean holdsALockInCallbacks(QueueKind kind) {
        return kind == QueueKind.TWO_LOCK_LINKED || kind == QueueKind.SEMAPHORE_ARRAY;
    }

    private static boolean checksPeekInsideFill(QueueKind kind) {
        return claimsBeforeSupplying(kind) || holdsALockInCallbacks(kind);
    }

    /** The kinds whose {@code remove(Object)} and iterator removal work (elsewhere they throw). */
    private static boolean supportsRemoval(QueueKind kind) {
        return kind == QueueKind.MPMC_LINKED || kind == QueueKind.LOCKED_ARRAY || holdsALockInCallbacks(kind);
    }

    /**
     * On fresh queues, from one thread. An offer inside fill's supplier, refused on every kind
     * before it acts, and a peek there, tried only where the check covers it (a fill that
     * claims before it supplies, or a two-lock kind, which holds a lock while it calls back); after the refusal the fill has ended and a plain call
     * works again. Without the check, a peek inside a claiming fill spins for ever. A poll
     * inside fill's supplier where the check refuses it or {@code LOCKED_ARRAY} allows it.
     * Then, on every kind, each take, a peek and an offer inside drain's consumer, refused or
     * let through, with what the queue holds after, and drains of two queues nested.
     */
    private static void probeCallbacks(QueueKind kind, List<String> report) throws InterruptedException {
        MessageQueue<Integer> q = kind.create(16);
        report.add("offer inside fill " + refusal(() -> q.fill(() -> {
            q.offer(9);
            return 1;
        }, 1), () -> q.offer(2)) + ", fill ended");
        if (checksPeekInsideFill(kind)) {
            MessageQueue<Integer> empty = kind.create(16); // so that the peek reaches the claimed slot
            report.add("peek inside fill " + refusal(() -> empty.fill(() -> {
                empty.peek();
                return 1;
            }, 1), empty::peek) + ", fill ended");
        } else {
            report.add("peek inside fill not checked");
        }
        if (claimsBeforeSupplying(kind)) {
            report.add("consumer role " + roleAfterRefusedPeek(kind) + " after a producer's refused peek");
        }
        if (checksPeekInsideFill(kind) || kind == QueueKind.LOCKED_ARRAY) {
            report.add("poll inside fill " + insideFill(kind, POLL));
        } else {
            report.add("poll inside fill not checked");
        }
        for (Call take : TAKES) {
            report.add(take.name() + " inside drain " + insideDrain(kind, take));
        }
        report.add("peek inside drain " + insideDrain(kind, PEEK));
        report.add("offer inside drain " + insideDrain(kind, OFFER));
        report.add("nested drains: " + nestedDrains(kind));
    }

    /**
     * Makes {@code call} on a queue of [1, 2, 3] from inside the consumer of a drain of one
     * element, catching what it throws there so that the drain goes on; then says how the call
     * ended and what the queue held after: [2, 3] if it was refused before it changed anything.
     */
    private static String insideDrain(QueueKind kind, Call call) {
        MessageQueue<Integer> q = kind.create(16);
        q.addAll(List.of(1, 2, 3));
        List<String> outcome = new ArrayList<>();
        int n = q.drain(e -> outcome.add(attempt(call, q)), 1);
        return outcome.get(0) + ", rest " + (n == 1 ? rest(q) : "after a drain of " + n);
    }

    /** As {@link #insideDrain}, from inside the supplier of a fill of one element (3) into [1, 2]. */
    private static String insideFill(QueueKind kind, Call call) {
        MessageQueue<Integer> q = kind.create(16);
        q.addAll(List.of(1, 2));
        List<String> outcome = new ArrayList<>();
        int n = q.fill(() -> {
            outcome.add(attempt(call, q));
            return 3;
        }, 1);
        return outcome.get(0) + ", rest " + (n == 1 ? rest(q) : "after a fill of " + n);
    }

    /**
     * From inside the consumer of a drain of one queue, a drain of another of the same kind:
     * inside the inner consumer both queues refuse a poll; once the inner drain has returned,
     * the inner queue allows one again while the outer still refuses it. Then the rest of both.
     */
    private static String nestedDrains(QueueKind kind) {
        MessageQueue<Integer> outer = kind.create(16);
        MessageQueue<Integer> inner = kind.create(16);
        outer.addAll(List.of(1, 2));
        inner.addAll(List.of(3, 4, 5));
        List<String> seen = new ArrayList<>();
        outer.drain(e -> {
            inner.drain(f -> {
                seen.add("outer queue " + attempt(POLL, outer));
                seen.add("inner queue " + attempt(POLL, inner));
            }, 1);
            seen.add("then inner queue " + attempt(POLL, inner));
            seen.add("outer queue " + attempt(POLL, outer));
        }, 1);
        return String.join(", ", seen) + ", rest " + rest(outer) + " and " + rest(inner);
    }

    /** "allowed", "refused" (IllegalStateException) or "unsupported" (UnsupportedOperationException). */
    private static String attempt(Call call, MessageQueue<Integer> q) {
        try {
            call.body().accept(q);
            return "allowed";
        } catch (IllegalStateException e) {
            return "refused";
        } catch (UnsupportedOperationException e) {
            return "unsupported";
        }
    }

    /** Takes what {@code q} holds, in order. */
    private static List<Integer> rest(MessageQueue<Integer> q) {
        List<Integer> rest = new ArrayList<>();
        q.drainTo(rest);
        return rest;
    }

    /**
     * Whether a peek refused inside the fill of a producer thread, still alive, left the
     * consumer role to this thread ("free") or took it ("taken"): the refusal must come before
     * the single-consumer check claims the role.
     */
    private static String roleAfterRefusedPeek(QueueKind kind) throws InterruptedException {
        MessageQueue<Integer> q = kind.create(16);
        CountDownLatch refused = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                q.fill(() -> {
                    q.peek();
                    return 1;
                }, 1);
            } catch (IllegalStateException expected) {
                refused.countDown();
            }
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        refused.await();
        String outcome = outcome(new Call("poll", MessageQueue::poll), q).equals("shared") ? "free" : "taken";
        release.countDown();
        producer.join();
        return outcome;
    }

    /** "refused" if {@code call} throws IllegalStateException and {@code after} then does not. */
    private static String refusal(Runnable call, Runnable after) {
        try {
            call.run();
            return "allowed";
        } catch (IllegalStateException e) {
            after.run();
            return "refused";
        }
    }

    private static String outcome(Call call, MessageQueue<Integer> q) {
        try {
            call.body().accept(q);
            return "shared";
        } catch (IllegalStateException e) {
            return "refused";
        }
    }
}
