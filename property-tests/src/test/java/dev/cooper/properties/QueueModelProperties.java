package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import dev.cooper.testkit.Derivation;
import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Property;
import dev.cooper.testkit.Schedule;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every queue kind, driven by one thread through random sequences of calls, behaves like a
 * bounded {@link java.util.ArrayDeque}: each call returns what the model returns, and the size
 * agrees after each call. One thread is a legal user of every kind, single-producer and
 * single-consumer ones included. A failing sequence shrinks to the few calls that show the
 * difference.
 */
class QueueModelProperties {

    /** The largest capacity asked for: small enough for a sequence to fill and wrap the queue. */
    private static final int MAX_CAPACITY = 32;
    /** The longest sequence of calls. */
    private static final int MAX_OPS = 120;

    /** A queue's capacity as asked for, and the calls to make on it. */
    record Script(int capacity, List<QueueOp> ops) {}

    static Gen<Script> scripts() {
        // Few distinct values, so that contains and remove find matches; batches up to past the capacity.
        Derivation derivation = Derivation.defaults()
                .with(int.class, Gen.ints(0, 9))
                .withComponent(QueueOp.Fill.class, "count", Gen.ints(0, MAX_CAPACITY + 8))
                .withComponent(QueueOp.Drain.class, "limit", Gen.ints(0, MAX_CAPACITY + 8))
                .withComponent(QueueOp.DrainTo.class, "limit", Gen.ints(0, MAX_CAPACITY + 8));
        // Inserts weighted up, or the queue would rarely fill against a dozen ways of removing.
        Gen<QueueOp> ops = Gen.frequency(
                Map.entry(2, derivation.of(QueueOp.Offer.class)),
                Map.entry(1, derivation.of(QueueOp.Fill.class)),
                Map.entry(6, derivation.of(QueueOp.class)));
        // The length drawn first and uniformly: a plain list(0, n) averages 5 elements.
        Gen<List<QueueOp>> sequences = Gen.ints(0, MAX_OPS).flatMap(n -> ops.list(n, n));
        return Gen.zip(Schedule.capacities(MAX_CAPACITY), sequences, Script::new);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)   // hang guard: put or take blocking where the model would not
    void singleThreadedCallsMatchTheBoundedDequeModel(QueueKind kind) {
        Property.forAll(scripts()).check(script -> run(kind, script));
    }

    static void run(QueueKind kind, Script script) throws InterruptedException {
        MessageQueue<Integer> queue = kind.create(script.capacity());
        QueueModel model = new QueueModel(kind, queue.capacity());
        List<QueueOp> ops = script.ops();
        for (int step = 0; step < ops.size(); step++) {
            QueueOp op = ops.get(step);
            if (op.blocksOn(model)) {
                continue;
            }
            String before = model.toString();
            Object expected = op.expected(model);
            Object actual;
            try {
                actual = op.actual(queue);
            } catch (RuntimeException e) {
                actual = new QueueOp.Threw(e.getClass());
            }
            if (!Objects.equals(expected, actual)) {
                throw new AssertionError(kind + " step " + step + " " + op + " on " + before + ": expected "
                        + expected + " but was " + actual);
            }
            if (queue.size() != model.elements.size()) {
                throw new AssertionError(kind + " step " + step + " " + op + " on " + before + ": size() is "
                        + queue.size() + ", expected " + model.elements.size());
            }
        }
    }
}
