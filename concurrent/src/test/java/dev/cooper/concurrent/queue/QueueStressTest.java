package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cooper.concurrent.queue.StressLedger.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactly-once, in-order delivery under load, for every {@link QueueKind} and four ways of
 * moving messages: blocking {@code put}/{@code take}, spinning {@code offer}/{@code poll}, the
 * batch forms {@code fill}/{@code drain}, and all of them mixed (producers take turns at
 * {@code offer}, {@code put} and {@code fill}; consumers at {@code poll}, timed {@code poll}
 * and {@code drain}, so a waiting {@code put} is woken by every kind of removal). As many producers and consumers run as the kind
 * allows (one for a single role, 2 to 4 for a multi role); each message carries its producer
 * and sequence number, and the test checks that every message arrives exactly once, that each
 * consumer sees each producer's messages in order, and (with one consumer) that none is
 * skipped.
 *
 * <p>The configuration (capacity, thread counts, batch sizes) comes from a seed, printed with
 * any failure; replay with {@code -Dcooper.seed=<seed>}. 50,000 messages per run by default,
 * 100 times more with {@code -Dcooper.stress=true}.
 */
class QueueStressTest {

    private static final int MESSAGES = QueueKinds.STRESS ? 5_000_000 : 50_000;
    private static final Duration GUARD = QueueKinds.STRESS ? Duration.ofMinutes(30) : Duration.ofMinutes(2);
    private static final int[] CAPACITIES = {1, 2, 16, 1024};

    enum Mode { BLOCKING, SPINNING, BATCH, MIXED }

    static Stream<Arguments> runs() {
        return Arrays.stream(QueueKind.values())
                .flatMap(kind -> Arrays.stream(Mode.values()).map(mode -> Arguments.of(kind, mode)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void everyMessageArrivesExactlyOnceInProducerOrder(QueueKind kind, Mode mode) {
        long seed = Long.getLong("cooper.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        Config config = new Config(kind, mode, seed,
                CAPACITIES[random.nextInt(CAPACITIES.length)],
                kind.multiProducer() ? 2 + random.nextInt(3) : 1,
                kind.multiConsumer() ? 2 + random.nextInt(3) : 1,
                1 + random.nextInt(32));
        assertTimeoutPreemptively(GUARD, () -> new Run(config).execute(), config::toString);
    }

    /** What one run does; {@link #toString()} is what a failure prints to replay it. */
    record Config(QueueKind kind, Mode mode, long seed, int capacity, int producers, int consumers, int batch) {
        int perProducer() {
            return MESSAGES / producers;
        }

        @Override
        public String toString() {
            return kind + " " + mode + " seed=" + seed + " (replay: -Dcooper.seed=" + seed + ") capacity="
                    + capacity + " producers=" + producers + " consumers=" + consumers + " batch=" + batch
                    + " messages=" + perProducer() * producers;
        }
    }

    /** The end-of-stream marker for blocking consumers, one per consumer. */
    private static final Message POISON = new Message(-1, -1);

    private static final class Run {
        final Config config;
        final MessageQueue<Message> queue;
        final int perProducer;
        final StressLedger ledger;

        Run(Config config) {
            this.config = config;
            this.queue = config.kind().create(config.capacity());
            this.perProducer = config.perProducer();
            this.ledger = new StressLedger(config.producers(), perProducer, config.consumers() == 1);
        }

        void execute() throws InterruptedException {
            List<Actor> producers = new ArrayList<>();
            for (int p = 0; p < config.producers(); p++) {
                int id = p;
                producers.add(Actor.start("producer-" + p, () -> {
                    produce(id);
                    return null;
                }));
            }
            List<Actor> consumers = new ArrayList<>();
            for (int c = 0; c < config.consumers(); c++) {
                consumers.add(Actor.start("consumer-" + c, () -> {
                    consume();
                    return null;
                }));
            }
            for (Actor producer : producers) {
                producer.join();
            }
            if (config.mode() == Mode.BLOCKING) {
                // The producers are done, so this thread may take over the producer role.
                for (int c = 0; c < config.consumers(); c++) {
                    queue.put(POISON);
                }
            }
            for (Actor consumer : consumers) {
                consumer.join();
            }
            check();
        }

        void produce(int id) throws InterruptedException {
            switch (config.mode()) {
                case BLOCKING -> {
                    for (int seq = 0; seq < perProducer; seq++) {
                        queue.put(new Message(id, seq));
                    }
                }
                case SPINNING -> {
                    for (int seq = 0; seq < perProducer; seq++) {
                        Message m = new Message(id, seq);
                        while (!queue.offer(m)) {
                            Thread.yield();
                        }
                    }
                }
                case BATCH -> {
                    int[] next = {0};
                    while (next[0] < perProducer) {
                        int limit = Math.min(config.batch(), perProducer - next[0]);
                        if (queue.fill(() -> new Message(id, next[0]++), limit) == 0) {
                            Thread.yield();
                        }
                    }
                }
                case MIXED -> {
                    int[] next = {0};
                    for (int turn = 0; next[0] < perProducer; turn++) {
                        switch (turn % 3) {
                            case 0 -> {
                                Message m = new Message(id, next[0]);
                                while (!queue.offer(m)) {
                                    Thread.yield();
                                }
                                next[0]++;
                            }
                            case 1 -> queue.put(new Message(id, next[0]++));
                            default -> queue.fill(() -> new Message(id, next[0]++),
                                    Math.min(config.batch(), perProducer - next[0]));
                        }
                    }
                }
            }
        }

        void consume() throws InterruptedException {
            int[] last = ledger.newLastSeen();
            switch (config.mode()) {
                case BLOCKING -> {
                    for (Message m = queue.take(); m != POISON; m = queue.take()) {
                        ledger.accept(m, last);
                    }
                }
                case SPINNING -> {
                    while (!ledger.allReceived()) {
                        Message m = queue.poll();
                        if (m == null) {
                            Thread.yield();
                        } else {
                            ledger.accept(m, last);
                        }
                    }
                }
                case BATCH -> {
                    while (!ledger.allReceived()) {
                        if (queue.drain(m -> ledger.accept(m, last), config.batch()) == 0) {
                            Thread.yield();
                        }
                    }
                }
                case MIXED -> {
                    // No take: it could wait forever once another consumer took the last one.
                    for (int turn = 0; !ledger.allReceived(); turn++) {
                        switch (turn % 3) {
                            case 0 -> {
                                Message m = queue.poll();
                                if (m != null) {
                                    ledger.accept(m, last);
                                }
                            }
                            case 1 -> {
                                Message m = queue.poll(1, TimeUnit.MILLISECONDS);
                                if (m != null) {
                                    ledger.accept(m, last);
                                }
                            }
                            default -> queue.drain(m -> ledger.accept(m, last), config.batch());
                        }
                    }
                }
            }
        }

        void check() {
            List<String> extra = new ArrayList<>();
            if (!queue.isEmpty()) {
                extra.add("queue not empty at the end: size " + queue.size());
            }
            ledger.assertClean(config, extra);
        }
    }
}
