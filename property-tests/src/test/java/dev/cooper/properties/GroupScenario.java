package dev.cooper.properties;

import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * A consumer group fed by submitters through its intake, with a flaky handler and a dead-letter
 * sink that may fail, closed mid-stream. Shrinks towards one submitter, one worker, shared
 * routing, one attempt, a graceful close, an early cutoff, dead letters kept for the report,
 * and reliable jobs.
 *
 * <p>The jobs come last so that a failure report, which cuts long values, shows the rest.
 *
 * @param submitters threads calling {@code submit}
 * @param workers    the group's workers
 * @param routing    how the group spreads jobs over its workers
 * @param attempts   the most times the handler runs on one job
 * @param intake     the capacity of the group's intake
 * @param ending     how the main thread closes the group
 * @param cutoff     the main thread closes the group once this many jobs have been submitted (or
 *                   every submitter has finished, or a short while has passed)
 * @param sink       where the group sends its dead letters
 * @param work       what each job does in the handler, and its event; submitter {@code s} submits
 *                   the entries at {@code s, s + submitters, ...}
 */
record GroupScenario(int submitters, int workers, RoutingKind routing, int attempts, int intake, Ending ending,
        int cutoff, Sink sink, List<Work> work) {

    /** What the handler does with a job. */
    enum Flakiness {
        /** Returns. */
        RELIABLE,
        /** Throws on the first attempt, returns on the next. */
        FAILS_ONCE,
        /** Throws on every attempt. */
        FAILS_ALWAYS,
        /** Parks for 200 microseconds, then returns (an interrupt cuts the park short). */
        SLOW
    }

    enum RoutingKind { SHARED, ROUND_ROBIN, BY_KEY }

    enum Ending {
        /** {@code close(60 s)}: graceful, everything accepted is handled or dead-lettered. */
        CLOSE,
        /** {@code close(0)}: graceful for no time, then as {@code closeNow()}. */
        CLOSE_WITHOUT_WAITING,
        /** {@code closeNow()}: interrupt, and return what is not handled. */
        CLOSE_NOW
    }

    /** The group's dead-letter sink. */
    enum Sink {
        /** None: the close report keeps the dead letters. */
        KEPT,
        /** A callback that takes them. */
        TAKEN,
        /**
         * A callback that throws: the message goes back to the close report, and the exception
         * ends the worker (or dispatcher) that gave up on it, with the rest of its batch.
         */
        FAILING
    }

    /** One job's behaviour and payload. */
    record Work(Flakiness flakiness, Event event) {}

    static final int MAX_JOBS = 300;

    static Gen<GroupScenario> gen() {
        Gen<Work> one = Gen.zip(Gen.enumOf(Flakiness.class), Gen.of(Event.class), Work::new);
        // The count drawn first and uniformly: a plain list(0, n) averages 5 elements.
        Gen<List<Work>> works = Gen.ints(0, MAX_JOBS).flatMap(n -> one.list(n, n));
        Gen<Integer> threads = Gen.ints(1, DeliveryScenario.MAX_THREADS);
        return src -> {
            List<Work> work = works.generate(src);
            return new GroupScenario(Gen.ints(1, 2).generate(src), threads.generate(src),
                    Gen.enumOf(RoutingKind.class).generate(src), Gen.ints(1, 3).generate(src),
                    Schedule.capacities(64).generate(src), Gen.enumOf(Ending.class).generate(src),
                    Gen.ints(0, work.size()).generate(src), Gen.enumOf(Sink.class).generate(src), work);
        };
    }

    /** The entries submitter {@code s} submits, in order. */
    List<Work> workOf(int s) {
        List<Work> out = new ArrayList<>();
        for (int i = s; i < work.size(); i += submitters) {
            out.add(work.get(i));
        }
        return out;
    }
}
