package dev.cooper.concurrent.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Run in a JVM started with {@code -Dcooper.queue.checkThreads=true} (the switch is read once
 * per JVM, so the tests fork one): for each role of the kind named by the first argument, a
 * helper thread takes the role and stays alive while the main thread calls each method of that
 * role, then the helper ends and the main thread calls one again. Prints one line per
 * outcome; {@link #expectedReport} is what a correct check prints.
 */
final class RoleCheckProbe {

    private record Call(String name, Consumer<MessageQueue<Integer>> body) {
    }

    private static final List<Call> PRODUCER_CALLS = List.of(
            new Call("offer", q -> q.offer(1)),
            new Call("fill", q -> q.fill(() -> 2, 1)));

    private static final List<Call> CONSUMER_CALLS = List.of(
            new Call("poll", MessageQueue::poll),
            new Call("peek", MessageQueue::peek),
            new Call("drain", q -> q.drain(e -> { }, 1)));

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
        lines.add("offer inside fill " + (checksOfferInsideFill(kind) ? "refused, fill ended" : "not checked"));
        lines.add("peek inside fill " + (checksPeekInsideFill(kind) ? "refused, fill ended" : "not checked"));
        if (claimsBeforeSupplying(kind)) {
            lines.add("consumer role free after a producer's refused peek");
        }
        for (String call : List.of("poll", "peek")) {
            lines.add(call + " inside drain " + (checksTakeInsideDrain(kind) ? "refused, drain ended" : "not checked"));
        }
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
     * The two-lock kinds, whose drain and fill hold one of the queue's locks while the consumer
     * or supplier runs, and which forbid any call back into the queue from there.
     */
    private static boolean holdsALockInCallbacks(QueueKind kind) {
        return kind == QueueKind.TWO_LOCK_LINKED || kind == QueueKind.SEMAPHORE_ARRAY;
    }

    private static boolean checksOfferInsideFill(QueueKind kind) {
        return !kind.multiProducer() || claimsBeforeSupplying(kind) || holdsALockInCallbacks(kind);
    }

    private static boolean checksPeekInsideFill(QueueKind kind) {
        return claimsBeforeSupplying(kind) || holdsALockInCallbacks(kind);
    }

    private static boolean checksTakeInsideDrain(QueueKind kind) {
        return !kind.multiConsumer() || holdsALockInCallbacks(kind);
    }

    /**
     * On a fresh queue, from one thread: an offer inside fill's supplier, a peek inside it, and
     * a poll and a peek inside drain's consumer, which {@link MessageQueue} or the kind's class
     * forbids. Tried only where the check covers them (a single role, a fill that claims before
     * it supplies, or a two-lock kind, which holds a lock while it calls back), which refuses
     * them before they act; after the refusal the batch call has ended and a plain call works
     * again. Without the check, a peek inside a claiming fill spins for ever.
     */
    private static void probeCallbacks(QueueKind kind, List<String> report) throws InterruptedException {
        MessageQueue<Integer> q = kind.create(16);
        if (!checksOfferInsideFill(kind)) {
            report.add("offer inside fill not checked");
        } else {
            report.add("offer inside fill " + refusal(() -> q.fill(() -> {
                q.offer(9);
                return 1;
            }, 1), () -> q.offer(2)) + ", fill ended");
        }
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
        if (!checksTakeInsideDrain(kind)) {
            report.add("poll inside drain not checked");
            report.add("peek inside drain not checked");
        } else {
            q.clear();
            q.offer(1);
            q.offer(2);
            report.add("poll inside drain " + refusal(() -> q.drain(e -> q.poll(), 2), q::poll) + ", drain ended");
            q.offer(3);
            q.offer(4);
            report.add("peek inside drain " + refusal(() -> q.drain(e -> q.peek(), 2), q::peek) + ", drain ended");
        }
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
