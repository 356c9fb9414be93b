package dev.cooper.concurrent.channel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Lincheck scenarios of blocking and non-blocking channel operations, canonical races and
 * random draws, in which no interleaving can block for good, so that Lincheck's "execution has
 * hung" means a bug.
 *
 * <p>Lincheck runs the parallel part to completion in every interleaving it explores and reports
 * a hang when every unfinished thread waits; its own scenario generator picks operations at
 * random, and a receive with no send left to feed it hangs legitimately. So scenarios are drawn
 * here and kept only when {@link #cannotHang} proves, over an abstract channel (each thread's
 * position, the number of buffered elements, the closed flag), that every interleaving of the
 * parallel part ends with all threads done and that the sequential part after it never waits.
 * The abstraction allows every outcome the channel allows (for a rendezvous {@code tryReceive},
 * both taking from a waiting sender and finding none), so a real execution that hangs maps to
 * an abstract state where no thread can move, which the search would have found.
 *
 * <p>Sent values are 1, 2, 3... in scenario order, all distinct, so a lost, duplicated or
 * reordered element shows in the results. Every scenario ends with at least one sequential
 * operation, which a rendezvous send that returned without its receiver cannot precede (see
 * {@link BlockingSpec}). Rendezvous scenarios have no {@code trySend} (same place).
 */
final class BlockingScenarios {

    /** The operations of {@link BlockingOperations}. */
    enum Op {
        SEND, RECEIVE, TRY_SEND, TRY_RECEIVE, DRAIN_ONE, CLOSE, CANCEL, IS_CLOSED;

        boolean sends() {
            return this == SEND || this == TRY_SEND;
        }

        boolean blocking() {
            return this == SEND || this == RECEIVE;
        }

        /** A take that never waits: it empties a slot or a waiting sender, or finds nothing. */
        boolean takesWithoutWaiting() {
            return this == TRY_RECEIVE || this == DRAIN_ONE;
        }
    }

    /**
     * Weights of the parallel operations: mostly blocking ones, and a close or cancel often
     * enough ({@link #draw} keeps at most one per scenario: the non-blocking suite races them).
     */
    private static final Op[] PARALLEL = {
        Op.SEND, Op.SEND, Op.SEND, Op.RECEIVE, Op.RECEIVE, Op.RECEIVE,
        Op.TRY_SEND, Op.TRY_RECEIVE, Op.DRAIN_ONE, Op.CLOSE, Op.CLOSE, Op.CANCEL, Op.IS_CLOSED,
    };
    private static final Op[] POST = {Op.TRY_RECEIVE, Op.RECEIVE, Op.CLOSE, Op.CANCEL};

    /** A scenario before values are assigned; {@code record} equality removes duplicates. */
    record Plan(List<Op> init, List<List<Op>> parallel, List<Op> post) {
    }

    private BlockingScenarios() {
    }

    /**
     * The canonical races of a channel of {@code capacity} (0: rendezvous), then
     * {@code random} distinct random scenarios of {@code threads} threads of 1 to
     * {@code maxOps} operations each, drawn from {@code seed}.
     */
    static List<ExecutionScenario> generate(int capacity, int random, int threads, int maxOps, long seed) {
        Set<Plan> plans = new LinkedHashSet<>(canonical(capacity));
        int wanted = plans.size() + random;
        Random draws = new Random(seed);
        for (int draw = 0; plans.size() < wanted; draw++) {
            if (draw == 1_000_000) {
                throw new IllegalStateException(
                        "only " + plans.size() + " of " + wanted + " scenarios found");
            }
            Plan plan = draw(draws, capacity, threads, maxOps);
            if (plan.parallel.stream().flatMap(List::stream).anyMatch(Op::blocking)
                    && cannotHang(plan, capacity)) {
                plans.add(plan);
            }
        }
        return plans.stream().map(BlockingScenarios::toLincheck).toList();
    }

    /**
     * The races every channel must get right, each a scenario (init; threads; after), with the
     * buffer filled first where the race needs a full one:
     * <ol>
     *   <li>a receive races a send followed by a close (the element must not be reported
     *       closed while it is still buffered);</li>
     *   <li>a send waiting on a full buffer races a receive and a close (it either gets the
     *       freed slot or fails, never both);</li>
     *   <li>two receivers race one send followed by a close;</li>
     *   <li>a send waiting on a full buffer, then a receive, race a cancel;</li>
     *   <li>two senders and one receiver of two elements, no close (order and hand-off);</li>
     *   <li>a close between a buffered send's insert and its hand-over to a waiting receiver;</li>
     *   <li>buffered only: a send waiting on a full buffer races a {@code drainTo} of one, no
     *       close (the slot the drain frees must reach the send, or the send waits for good:
     *       a mutation that skipped that hand-over when the drain took a single element
     *       passed every other channel test).</li>
     * </ol>
     * Random draws rarely produce these shapes (a receive racing a send-then-close came up in
     * one of 20 draws), so they are always run first.
     */
    static List<Plan> canonical(int capacity) {
        List<Op> fill = Collections.nCopies(Math.min(capacity, 2), Op.TRY_SEND);
        List<Plan> plans = new ArrayList<>(List.of(
                new Plan(List.of(), List.of(List.of(Op.RECEIVE), List.of(Op.SEND, Op.CLOSE)),
                        List.of(Op.TRY_RECEIVE)),
                new Plan(fill, List.of(List.of(Op.SEND), List.of(Op.RECEIVE), List.of(Op.CLOSE)),
                        List.of(Op.CANCEL)),
                new Plan(List.of(),
                        List.of(List.of(Op.RECEIVE), List.of(Op.RECEIVE), List.of(Op.SEND, Op.CLOSE)),
                        List.of(Op.TRY_RECEIVE)),
                new Plan(fill, List.of(List.of(Op.SEND, Op.RECEIVE), List.of(Op.CANCEL)),
                        List.of(Op.TRY_RECEIVE)),
                new Plan(List.of(),
                        List.of(List.of(Op.SEND), List.of(Op.SEND), List.of(Op.RECEIVE, Op.RECEIVE)),
                        List.of(Op.CANCEL)),
                // A close between a buffered send's insert and its hand-over to a receiver
                // already waiting (decision 0012): that receiver must still get the element.
                new Plan(List.of(), List.of(List.of(Op.RECEIVE), List.of(Op.SEND), List.of(Op.CLOSE)),
                        List.of(Op.TRY_RECEIVE))));
        if (capacity > 0) {
            plans.add(new Plan(fill, List.of(List.of(Op.SEND), List.of(Op.DRAIN_ONE)), List.of(Op.TRY_RECEIVE)));
        }
        for (Plan plan : plans) {
            if (!cannotHang(plan, capacity)) {
                throw new IllegalStateException("canonical scenario can hang: " + plan);
            }
        }
        return plans;
    }

    private static Plan draw(Random random, int capacity, int threads, int maxOps) {
        List<Op> init = new ArrayList<>();
        int prefill = capacity == 0 ? 0 : random.nextInt(Math.min(capacity, 2) + 1);
        for (int i = 0; i < prefill; i++) {
            init.add(Op.TRY_SEND);
        }
        List<List<Op>> parallel = new ArrayList<>();
        boolean closing = false;
        for (int t = 0; t < threads; t++) {
            List<Op> ops = new ArrayList<>();
            int n = 1 + random.nextInt(maxOps);
            while (ops.size() < n) {
                Op op = PARALLEL[random.nextInt(PARALLEL.length)];
                boolean closes = op == Op.CLOSE || op == Op.CANCEL;
                if (!(capacity == 0 && op == Op.TRY_SEND) && !(closes && closing)) {
                    ops.add(op);
                    closing |= closes;
                }
            }
            parallel.add(List.copyOf(ops));
        }
        List<Op> post = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            post.add(POST[random.nextInt(POST.length)]);
        }
        return new Plan(List.copyOf(init), List.copyOf(parallel), List.copyOf(post));
    }

    // The abstract channel

    /**
     * Whether no interleaving of {@code plan} on a channel of {@code capacity} can leave an
     * operation waiting for good: the initial part never waits, every reachable state of the
     * parallel part lets some unfinished thread move, and from every final state of the
     * parallel part the sequential part after it never waits.
     */
    static boolean cannotHang(Plan plan, int capacity) {
        long size = 0;
        boolean closed = false;
        for (Op op : plan.init) {
            long next = sequentialStep(op, size, closed, capacity);
            if (next < 0) {
                return false;
            }
            closed |= op == Op.CLOSE || op == Op.CANCEL;
            size = next;
        }
        return explore(plan, capacity, new int[plan.parallel.size()], size, closed, new HashSet<>());
    }

    /** Depth-first over the abstract interleavings; {@code seen} holds the states cleared. */
    private static boolean explore(
            Plan plan, int capacity, int[] pc, long size, boolean closed, Set<List<Object>> seen) {
        if (!seen.add(List.of(Arrays.toString(pc), size, closed))) {
            return true;
        }
        boolean moved = false;
        boolean allDone = true;
        for (int i = 0; i < pc.length; i++) {
            List<Op> ops = plan.parallel.get(i);
            if (pc[i] == ops.size()) {
                continue;
            }
            allDone = false;
            Op op = ops.get(pc[i]);
            // A rendezvous transfer: a sender and a receiver, in two threads, complete together.
            if (capacity == 0 && !closed && op.sends()) {
                for (int j = 0; j < pc.length; j++) {
                    List<Op> other = plan.parallel.get(j);
                    if (j != i && pc[j] < other.size()
                            && (other.get(pc[j]) == Op.RECEIVE
                                    || (other.get(pc[j]).takesWithoutWaiting() && op == Op.SEND))) {
                        moved = true;
                        if (!explore(plan, capacity, advance(advance(pc, i), j), size, closed, seen)) {
                            return false;
                        }
                    }
                }
            }
            long next = sequentialStep(op, size, closed, capacity);
            if (next >= 0) {
                moved = true;
                boolean nowClosed = closed || op == Op.CLOSE || op == Op.CANCEL;
                if (!explore(plan, capacity, advance(pc, i), next, nowClosed, seen)) {
                    return false;
                }
            }
        }
        if (allDone) {
            for (Op op : plan.post) {
                long next = sequentialStep(op, size, closed, capacity);
                if (next < 0) {
                    return false;
                }
                closed |= op == Op.CLOSE || op == Op.CANCEL;
                size = next;
            }
            return true;
        }
        return moved;
    }

    /**
     * The buffered count after {@code op} completes alone, or -1 if it would wait. A rendezvous
     * send or receive completes alone only on a closed channel (its transfers are the pair
     * steps of {@link #explore}); a rendezvous {@code trySend}/{@code tryReceive} alone is the
     * one that finds no partner.
     */
    private static long sequentialStep(Op op, long size, boolean closed, int capacity) {
        return switch (op) {
            case SEND -> closed ? size : size < capacity ? size + 1 : -1;
            case RECEIVE -> size > 0 ? size - 1 : closed ? size : -1;
            case TRY_SEND -> !closed && size < capacity ? size + 1 : size;
            case TRY_RECEIVE, DRAIN_ONE -> size > 0 ? size - 1 : size;
            case CANCEL -> 0;
            case CLOSE, IS_CLOSED -> size;
        };
    }

    private static int[] advance(int[] pc, int thread) {
        int[] next = pc.clone();
        next[thread]++;
        return next;
    }

    // To Lincheck

    private static ExecutionScenario toLincheck(Plan plan) {
        int[] value = {0};
        List<Actor> init = plan.init.stream().map(op -> actor(op, value)).toList();
        List<List<Actor>> parallel = plan.parallel.stream()
                .map(ops -> ops.stream().map(op -> actor(op, value)).toList())
                .toList();
        List<Actor> post = plan.post.stream().map(op -> actor(op, value)).toList();
        return new ExecutionScenario(init, parallel, post, null);
    }

    private static Actor actor(Op op, int[] lastValue) {
        try {
            return switch (op) {
                case SEND -> new Actor(method("send", int.class), List.of(++lastValue[0]));
                case TRY_SEND -> new Actor(method("trySend", int.class), List.of(++lastValue[0]));
                case RECEIVE -> new Actor(method("receive"), List.of());
                case TRY_RECEIVE -> new Actor(method("tryReceive"), List.of());
                case DRAIN_ONE -> new Actor(method("drainOne"), List.of());
                case CLOSE -> new Actor(method("close"), List.of());
                case CANCEL -> new Actor(method("cancel"), List.of());
                case IS_CLOSED -> new Actor(method("isClosed"), List.of());
            };
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("BlockingOperations lacks " + op, e);
        }
    }

    private static Method method(String name, Class<?>... parameters) throws NoSuchMethodException {
        return BlockingOperations.class.getMethod(name, parameters);
    }
}
