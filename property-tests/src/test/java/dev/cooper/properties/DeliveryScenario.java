package dev.cooper.properties;

import dev.cooper.concurrent.queue.QueueKind;
import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Schedule;

/**
 * A concurrent run through a queue: the {@link Schedule} (threads, capacity, events, pauses),
 * how producers and consumers call the queue, on which threads, and the batch size of the
 * batch calls. Shrinks towards blocking calls on virtual threads with batches of 1.
 *
 * <p>The schedule comes last so that a failure report, which cuts long values, shows the rest.
 *
 * @param producerMode how every producer inserts
 * @param consumerMode how every consumer removes
 * @param threads      what the producers and consumers run on
 * @param batch        the limit of each {@code fill} and {@code drain} call
 * @param schedule     producers, consumers, capacity, the events to send and the pauses
 */
record DeliveryScenario(Mode producerMode, Mode consumerMode, Threads threads, int batch, Schedule<Event> schedule) {

    /** How a thread moves elements. */
    enum Mode {
        /** {@code put} and {@code take}. */
        BLOCKING,
        /** {@code offer} and {@code poll}, retried with a back-off while they fail. */
        SPINNING,
        /** {@code offer} and {@code poll} with a timeout of 100 microseconds, retried. */
        TIMED,
        /** {@code fill} and {@code drain} with a limit of {@link #batch()}, retried while they move nothing. */
        BATCH,
        /**
         * Consumers {@code peek}, then {@code poll} when it saw an element: with one consumer the
         * poll must return that element. Producers as {@link #SPINNING}.
         */
        PEEKING
    }

    /** What the producers and consumers run on. */
    enum Threads { VIRTUAL, PLATFORM }

    /** The most events one scenario sends. */
    static final int MAX_MESSAGES = 500;
    /** The most threads on one side of a multi-producer or multi-consumer kind (the machine has 2 cores). */
    static final int MAX_THREADS = 3;

    /**
     * Scenarios within {@code kind}'s shape (one producer or consumer where it allows only one,
     * up to 3 otherwise), both sides calling the queue the way {@code modes} picks.
     */
    static Gen<DeliveryScenario> gen(QueueKind kind, Gen<Mode> modes) {
        return gen(kind.multiProducer() ? MAX_THREADS : 1, kind.multiConsumer() ? MAX_THREADS : 1, modes);
    }

    static Gen<DeliveryScenario> gen(int maxProducers, int maxConsumers, Gen<Mode> modes) {
        Gen<Schedule<Event>> schedules = Schedule.gen(maxProducers, maxConsumers, MAX_MESSAGES, Gen.of(Event.class));
        Gen<Threads> threads = Gen.enumOf(Threads.class);
        Gen<Integer> batches = Gen.ints(1, 64);
        return src -> {
            Schedule<Event> schedule = schedules.generate(src);
            return new DeliveryScenario(modes.generate(src), modes.generate(src), threads.generate(src),
                    batches.generate(src), schedule);
        };
    }
}
