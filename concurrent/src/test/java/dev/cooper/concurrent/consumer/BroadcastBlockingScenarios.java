package dev.cooper.concurrent.consumer;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Lincheck scenarios of a broadcast's blocking and non-blocking operations, canonical races
 * and random draws, in which no interleaving can leave an operation waiting for good, so that
 * Lincheck's "execution has hung" means a waiter that was not released.
 *
 * <p>Lincheck runs the parallel part to completion in every interleaving it explores and
 * reports a hang when no unfinished thread can make progress; its own generator picks
 * operations at random, and a {@code receive} that no publish or close can ever feed, or a
 * {@code publish} on a full ring that no receive will drain, waits legitimately. So scenarios
 * are drawn here and kept only when {@link #cannotHang} proves, over an abstract broadcast
 * ({@link State}: how many messages are published, where each reader is, who left, whether
 * the broadcast is closed), that every interleaving of the parallel part ends with all
 * threads done and that the sequential part after it never waits. The abstraction has the
 * outcomes of {@link BroadcastBlockingSpec}, so a real execution that hangs with a
 * linearizable history maps to an abstract state in which no thread can move, which the search
 * would have found.
 *
 * <p>The parallel part has up to three threads, always in this order: the writer
 * ({@code publish}, {@code tryPublish}, {@code close}, and a reader's {@code close}, there
 * {@code leave}, made from another thread than the reader's), reader 0 and reader 1 (each its
 * own {@code receive}, {@code poll}, {@code dropped} and {@code leave}). A reader's leave thus
 * runs either beside its own reader's operations or beside the writer's, never beside both: it
 * is two steps (mark the reader left, then deregister it), and a writer and the same reader
 * both watching it from other threads could see the steps in an order no sequential broadcast
 * has (see {@link BroadcastLinearizabilityTest}). Published messages are 1, 2, 3... in scenario
 * order, all distinct, so a lost, duplicated or reordered message shows in the results.
 */
final class BroadcastBlockingScenarios {

    /** The operations of {@link BroadcastBlockingOperations}; {@link #reader} is -1 for the writer's. */
    enum Op {
        PUBLISH("publish", -1), TRY_PUBLISH("tryPublish", -1), CLOSE("close", -1),
        RECEIVE0("receive0", 0), POLL0("poll0", 0), LEAVE0("leave0", 0), DROPPED0("dropped0", 0),
        RECEIVE1("receive1", 1), POLL1("poll1", 1), LEAVE1("leave1", 1), DROPPED1("dropped1", 1);

        final String method;
        final int reader;

        Op(String method, int reader) {
            this.method = method;
            this.reader = reader;
        }

        boolean publishes() {
            return this == PUBLISH || this == TRY_PUBLISH;
        }

        boolean leaves() {
            return this == LEAVE0 || this == LEAVE1;
        }

        /** Whether the operation may wait under {@code overflow}. */
        boolean blocking(Overflow overflow) {
            return this == RECEIVE0 || this == RECEIVE1
                    || this == PUBLISH && overflow == Overflow.BLOCK_WRITER;
        }
    }

    /**
     * Draw weights: mostly blocking operations. {@link #draw} keeps at most one close and one
     * leave per scenario: a leave lets every wait involving its reader end, so scenarios full of
     * them pass the hang filter easily and check little.
     */
    private static final Op[] WRITER = {
        Op.PUBLISH, Op.PUBLISH, Op.PUBLISH, Op.PUBLISH, Op.TRY_PUBLISH, Op.CLOSE, Op.LEAVE0, Op.LEAVE1,
    };
    private static final Op[][] READER = {
        {Op.RECEIVE0, Op.RECEIVE0, Op.RECEIVE0, Op.POLL0, Op.LEAVE0},
        {Op.RECEIVE1, Op.RECEIVE1, Op.RECEIVE1, Op.POLL1, Op.LEAVE1},
    };
    private static final Op[] POST = {
        Op.POLL0, Op.POLL1, Op.RECEIVE0, Op.RECEIVE1, Op.TRY_PUBLISH, Op.CLOSE, Op.DROPPED0, Op.DROPPED1,
    };

    /**
     * A scenario before messages are assigned: {@code parallel} holds the writer's thread, then
     * reader 0's, then reader 1's, any of them possibly empty. {@code record} equality removes
     * duplicates.
     */
    record Plan(List<Op> init, List<List<Op>> parallel, List<Op> post) {
    }

    private BroadcastBlockingScenarios() {
    }

    /**
     * The canonical races of a broadcast of {@code capacity} under {@code overflow}, then
     * {@code random} distinct random scenarios whose threads have up to {@code maxOps}
     * operations each, drawn from {@code seed}.
     */
    static List<ExecutionScenario> generate(int capacity, Overflow overflow, int random, int maxOps, long seed) {
        Set<Plan> plans = new LinkedHashSet<>(canonical(capacity, overflow));
        int wanted = plans.size() + random;
        Random draws = new Random(seed);
        for (int draw = 0; plans.size() < wanted; draw++) {
            if (draw == 1_000_000) {
                throw new IllegalStateException(
                        "only " + plans.size() + " of " + wanted + " scenarios found");
            }
            Plan plan = draw(draws, capacity, overflow, maxOps);
            if (plan.parallel.stream().flatMap(List::stream).anyMatch(op -> op.blocking(overflow))
                    && cannotHang(plan, capacity, overflow)) {
                plans.add(plan);
            }
        }
        return plans.stream().map(BroadcastBlockingScenarios::toLincheck).toList();
    }

    /**
     * The races a broadcast must get right, each a scenario (init; writer, reader 0, reader 1;
     * after). "Full" means reader 0 is a whole ring behind and reader 1 has taken everything,
     * so a publish waits for reader 0 alone (under {@code BLOCK_WRITER}; under the drop policy
     * the same scenarios race an overwrite with a receive):
     * <ol>
     *   <li>both readers' receives race a publish;</li>
     *   <li>full: a publish races the lagging reader's receive, while the other reader waits
     *       for the new message;</li>
     *   <li>both readers a ring behind: a publish, then a {@code tryPublish}, race one receive
     *       by each (the publish needs both);</li>
     *   <li>receives race a publish followed by a close (the message must not be reported
     *       closed while a reader still has it to take);</li>
     *   <li>receives race a close with nothing published;</li>
     *   <li>full: a publish races the lagging reader leaving, which must release it;</li>
     *   <li>a receive races its reader's close from the writer's thread, which must end it,
     *       and the other reader's receive the publish after it;</li>
     *   <li>three publishes race two takes by each reader (under {@code BLOCK_WRITER} two
     *       receives, the writer held back twice; under the drop policy a receive and a poll,
     *       as a lapped reader may take the last message first);</li>
     *   <li>full: a publish races the lagging reader's receive, then poll (under the drop
     *       policy the publish overwrites the message the receive is after: a loss must not show
     *       before the message that caused it).</li>
     * </ol>
     * Random draws rarely produce these shapes, so they always run first.
     */
    static List<Plan> canonical(int capacity, Overflow overflow) {
        List<Op> fill = Collections.nCopies(capacity, Op.TRY_PUBLISH);
        List<Op> full = Stream.concat(fill.stream(), Collections.nCopies(capacity, Op.POLL1).stream())
                .toList();
        // A reader lapped under the drop policy may take its last message with its first
        // receive: a second receive could wait for good, so it polls.
        boolean blocks = overflow == Overflow.BLOCK_WRITER;
        Op again0 = blocks ? Op.RECEIVE0 : Op.POLL0;
        Op again1 = blocks ? Op.RECEIVE1 : Op.POLL1;
        List<Plan> plans = List.of(
                new Plan(List.of(), threads(List.of(Op.PUBLISH), List.of(Op.RECEIVE0), List.of(Op.RECEIVE1)),
                        List.of(Op.POLL0)),
                new Plan(full, threads(List.of(Op.PUBLISH), List.of(Op.RECEIVE0), List.of(Op.RECEIVE1)),
                        List.of(Op.POLL0)),
                new Plan(fill,
                        threads(List.of(Op.PUBLISH, Op.TRY_PUBLISH), List.of(Op.RECEIVE0), List.of(Op.RECEIVE1)),
                        List.of(Op.POLL0, Op.POLL1)),
                new Plan(List.of(),
                        threads(List.of(Op.PUBLISH, Op.CLOSE), List.of(Op.RECEIVE0, Op.RECEIVE0),
                                List.of(Op.RECEIVE1)),
                        List.of(Op.POLL1)),
                new Plan(List.of(), threads(List.of(Op.CLOSE), List.of(Op.RECEIVE0), List.of(Op.RECEIVE1)),
                        List.of(Op.POLL0)),
                new Plan(full, threads(List.of(Op.PUBLISH), List.of(Op.LEAVE0), List.of(Op.RECEIVE1)),
                        List.of(Op.POLL0)),
                new Plan(List.of(),
                        threads(List.of(Op.LEAVE0, Op.PUBLISH), List.of(Op.RECEIVE0), List.of(Op.RECEIVE1)),
                        List.of(Op.POLL1)),
                new Plan(List.of(),
                        threads(List.of(Op.PUBLISH, Op.PUBLISH, Op.PUBLISH), List.of(Op.RECEIVE0, again0),
                                List.of(Op.RECEIVE1, again1)),
                        List.of(Op.DROPPED0, Op.DROPPED1)),
                new Plan(full, threads(List.of(Op.PUBLISH), List.of(Op.RECEIVE0, Op.POLL0), List.of()),
                        List.of(Op.DROPPED0, Op.POLL0)));
        for (Plan plan : plans) {
            if (!cannotHang(plan, capacity, overflow)) {
                throw new IllegalStateException("canonical scenario can hang: " + plan);
            }
        }
        return plans;
    }

    private static List<List<Op>> threads(List<Op> writer, List<Op> reader0, List<Op> reader1) {
        return List.of(writer, reader0, reader1);
    }

    private static Plan draw(Random random, int capacity, Overflow overflow, int maxOps) {
        List<Op> init = new ArrayList<>();
        int prefill = random.nextInt(capacity + 1);
        init.addAll(Collections.nCopies(prefill, Op.TRY_PUBLISH));
        // Let one reader take some of them, so that the readers are not level.
        init.addAll(Collections.nCopies(random.nextInt(prefill + 1), random.nextBoolean() ? Op.POLL0 : Op.POLL1));
        List<List<Op>> parallel = new ArrayList<>();
        boolean closing = false;
        boolean leaving = false;
        for (int t = 0; t < 3; t++) {
            Op[] pool = t == 0 ? WRITER : READER[t - 1];
            // Reader 1's thread may stay empty: two-thread scenarios are cheap to explore.
            int n = (t == 2 ? 0 : 1) + random.nextInt(t == 2 ? maxOps + 1 : maxOps);
            List<Op> ops = new ArrayList<>();
            while (ops.size() < n) {
                Op op = pool[random.nextInt(pool.length)];
                if (!(op == Op.CLOSE && closing) && !(op.leaves() && leaving)) {
                    ops.add(op);
                    closing |= op == Op.CLOSE;
                    leaving |= op.leaves();
                }
            }
            parallel.add(List.copyOf(ops));
        }
        List<Op> post = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        while (post.size() < n) {
            Op op = POST[random.nextInt(POST.length)];
            // dropped() is always 0 under BLOCK_WRITER: nothing to check there.
            if (!(op == Op.DROPPED0 || op == Op.DROPPED1) || overflow == Overflow.DROP_OLDEST_FOR_LAGGING_READER) {
                post.add(op);
            }
        }
        return new Plan(List.copyOf(init), List.copyOf(parallel), List.copyOf(post));
    }

    // The abstract broadcast

    /**
     * How many messages are published, the log index of each reader's next message, which
     * readers left, and whether the broadcast is closed.
     */
    record State(int published, int next0, int next1, boolean left0, boolean left1, boolean closed) {
        static final State START = new State(0, 0, 0, false, false, false);

        /** The state after {@code op} completes alone, or null if it would wait. */
        State step(Op op, int capacity, Overflow overflow) {
            return switch (op) {
                case PUBLISH -> closed ? this : hasRoom(capacity, overflow) ? publish() : null;
                case TRY_PUBLISH -> closed || !hasRoom(capacity, overflow) ? this : publish();
                case CLOSE -> new State(published, next0, next1, left0, left1, true);
                case RECEIVE0, RECEIVE1 -> left(op.reader) ? this
                        : next(op.reader) < published ? take(op.reader, capacity)
                        : closed ? this : null;
                case POLL0, POLL1 -> left(op.reader) || next(op.reader) >= published ? this
                        : take(op.reader, capacity);
                case LEAVE0 -> new State(published, next0, next1, true, left1, closed);
                case LEAVE1 -> new State(published, next0, next1, left0, true, closed);
                case DROPPED0, DROPPED1 -> this;
            };
        }

        private boolean hasRoom(int capacity, Overflow overflow) {
            return overflow == Overflow.DROP_OLDEST_FOR_LAGGING_READER
                    || (left0 || published - next0 < capacity) && (left1 || published - next1 < capacity);
        }

        private State publish() {
            return new State(published + 1, next0, next1, left0, left1, closed);
        }

        /** Takes the reader's next message, first skipping what the ring lost (drop policy). */
        private State take(int reader, int capacity) {
            int taken = Math.max(next(reader), published - capacity) + 1;
            return reader == 0
                    ? new State(published, taken, next1, left0, left1, closed)
                    : new State(published, next0, taken, left0, left1, closed);
        }

        private int next(int reader) {
            return reader == 0 ? next0 : next1;
        }

        private boolean left(int reader) {
            return reader == 0 ? left0 : left1;
        }
    }

    /**
     * Whether no interleaving of {@code plan} can leave an operation waiting for good: the
     * initial part never waits, every reachable state of the parallel part lets some
     * unfinished thread move, and from every final state of the parallel part the sequential
     * part after it never waits.
     */
    static boolean cannotHang(Plan plan, int capacity, Overflow overflow) {
        State state = sequential(plan.init, State.START, capacity, overflow);
        return state != null
                && explore(plan, capacity, overflow, new int[plan.parallel.size()], state, new HashSet<>());
    }

    /** The state after {@code ops} run one after another, or null if one of them would wait. */
    private static State sequential(List<Op> ops, State state, int capacity, Overflow overflow) {
        for (Op op : ops) {
            state = state.step(op, capacity, overflow);
            if (state == null) {
                return null;
            }
        }
        return state;
    }

    /** Depth-first over the abstract interleavings; {@code seen} holds the states cleared. */
    private static boolean explore(
            Plan plan, int capacity, Overflow overflow, int[] pc, State state, Set<List<Object>> seen) {
        if (!seen.add(List.of(Arrays.toString(pc), state))) {
            return true;
        }
        boolean moved = false;
        boolean allDone = true;
        for (int t = 0; t < pc.length; t++) {
            List<Op> ops = plan.parallel.get(t);
            if (pc[t] == ops.size()) {
                continue;
            }
            allDone = false;
            State next = state.step(ops.get(pc[t]), capacity, overflow);
            if (next != null) {
                moved = true;
                int[] advanced = pc.clone();
                advanced[t]++;
                if (!explore(plan, capacity, overflow, advanced, next, seen)) {
                    return false;
                }
            }
        }
        if (allDone) {
            return sequential(plan.post, state, capacity, overflow) != null;
        }
        return moved;
    }

    // To Lincheck

    private static ExecutionScenario toLincheck(Plan plan) {
        int[] message = {0};
        List<Actor> init = plan.init.stream().map(op -> actor(op, message)).toList();
        List<List<Actor>> parallel = plan.parallel.stream()
                .filter(ops -> !ops.isEmpty())
                .map(ops -> ops.stream().map(op -> actor(op, message)).toList())
                .toList();
        List<Actor> post = plan.post.stream().map(op -> actor(op, message)).toList();
        return new ExecutionScenario(init, parallel, post, null);
    }

    private static Actor actor(Op op, int[] lastMessage) {
        try {
            return op.publishes()
                    ? new Actor(method(op.method, int.class), List.of(++lastMessage[0]))
                    : new Actor(method(op.method), List.of());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("BroadcastBlockingOperations lacks " + op, e);
        }
    }

    private static Method method(String name, Class<?>... parameters) throws NoSuchMethodException {
        return BroadcastBlockingOperations.class.getMethod(name, parameters);
    }
}
