package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several producers, a flaky handler with retries, and a close in the middle of the stream:
 * every message a producer got into the group must come out exactly once, as handled,
 * dead-lettered or returned. Seeded: a failure message names the seed that replays the
 * handler's choices (thread interleavings differ from run to run).
 */
@Timeout(60)
class ConsumerGroupStressTest {
    private static final boolean STRESS = Boolean.getBoolean("cooper.stress");
    private static final int ROUNDS = STRESS ? 20 : 2;
    private static final int PRODUCERS = 3;
    private static final int PER_PRODUCER = STRESS ? 200_000 : 20_000;

    static Stream<Arguments> configurations() {
        List<Arguments> list = new ArrayList<>();
        for (String routing : List.of("shared", "roundRobin", "byKey")) {
            for (boolean now : new boolean[] {false, true}) {
                list.add(Arguments.of(routing, now));
            }
        }
        return list.stream();
    }

    private static Routing<Msg> routing(String name) {
        return switch (name) {
            case "shared" -> Routing.shared();
            case "roundRobin" -> Routing.roundRobin();
            default -> Routing.byKey(Msg::account);
        };
    }

    /** 10% of the ids always fail, 10% fail on their first attempt only. */
    private static int flakiness(long seed, int id) {
        return new SplittableRandom(seed * 1_000_003L + id).nextInt(10);
    }

    @ParameterizedTest(name = "{0}, closeNow={1}")
    @MethodSource("configurations")
    void everySubmittedMessageEndsExactlyOnce(String routingName, boolean now) throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            long seed = 0x5EED + round;
            runRound(seed, routingName, now);
        }
    }

    private void runRound(long seed, String routingName, boolean now) throws InterruptedException {
        String context = "seed " + seed + ", " + routingName + ", closeNow=" + now;
        Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Map<Integer, Integer> handled = new ConcurrentHashMap<>();
        List<DeadLetter<Msg>> deadLetters = new CopyOnWriteArrayList<>();
        var group = ConsumerGroup.builder(Msg.class).intake(256).workers(4).workerBuffer(64)
                .routing(routing(routingName))
                .retry(Retry.attempts(2))
                .deadLetters(deadLetters::add)
                .handler(msg -> {
                    int attempt = attempts.computeIfAbsent(msg.id(), id -> new AtomicInteger()).incrementAndGet();
                    int kind = flakiness(seed, msg.id());
                    if (kind == 0 || kind == 1 && attempt == 1) {
                        throw new IllegalStateException("flaky " + msg.id());
                    }
                    handled.merge(msg.id(), 1, Integer::sum);
                }).start();
        List<List<Integer>> submitted = new ArrayList<>();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            List<Integer> mine = new ArrayList<>();
            submitted.add(mine);
            int base = p * PER_PRODUCER;
            producers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int k = 0; k < PER_PRODUCER; k++) {
                        group.submit(Msg.of(base + k, k % 17));
                        mine.add(base + k);
                    }
                } catch (IllegalStateException closed) {
                    // The group closed mid-stream: what was submitted so far is in `mine`.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        Await.until(() -> group.stats().handled() >= PER_PRODUCER / 4);
        CloseReport<Msg> report = now ? group.closeNow() : group.close(Duration.ofMillis(1));
        for (Thread producer : producers) {
            producer.join();
        }

        Map<Integer, Integer> outcomes = new HashMap<>(handled);
        for (DeadLetter<Msg> letter : deadLetters) {
            outcomes.merge(letter.message().id(), 1, Integer::sum);
            assertEquals(2, letter.attempts(), context);
            assertEquals(0, flakiness(seed, letter.message().id()), context);
        }
        for (Msg msg : report.returned()) {
            outcomes.merge(msg.id(), 1, Integer::sum);
        }
        int total = 0;
        for (List<Integer> ids : submitted) {
            total += ids.size();
            for (int id : ids) {
                assertEquals(1, outcomes.getOrDefault(id, 0), () -> context + ": id " + id);
            }
        }
        assertEquals(total, outcomes.size(), context + ": an outcome for an id never submitted");
        assertEquals(total, report.accepted(), context);
        assertEquals(report.accepted(), report.handled() + report.deadLettered() + report.returned().size(), context);
        assertEquals(handled.size(), report.handled(), context);
        assertEquals(deadLetters.size(), report.deadLettered(), context);
        assertTrue(handled.values().stream().allMatch(n -> n == 1), context + ": handled twice");
    }

    @ParameterizedTest(name = "byKey={0}")
    @MethodSource("externalConfigurations")
    void anExternalQueueKeepsWhatTheGroupDidNotTake(boolean byKey) throws InterruptedException {
        int n = 50_000;
        MessageQueue<Msg> queue = QueueKind.MPMC_ARRAY.create(1024);
        Map<Integer, Integer> handled = new ConcurrentHashMap<>();
        var group = ConsumerGroup.builder(Msg.class).source(queue).workers(3)
                .routing(byKey ? Routing.byKey(Msg::account) : Routing.shared())
                .handler(msg -> handled.merge(msg.id(), 1, Integer::sum)).start();
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    queue.put(Msg.of(i, i % 5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.until(() -> group.stats().handled() >= n / 10);
        CloseReport<Msg> report = group.closeNow();
        List<Msg> left = new ArrayList<>();
        while (producer.isAlive() || !queue.isEmpty()) {
            queue.drainTo(left);
            Thread.onSpinWait();
        }
        queue.drainTo(left);
        Map<Integer, Integer> outcomes = new HashMap<>(handled);
        report.returned().forEach(msg -> outcomes.merge(msg.id(), 1, Integer::sum));
        left.forEach(msg -> outcomes.merge(msg.id(), 1, Integer::sum));
        assertEquals(n, outcomes.size());
        assertTrue(outcomes.values().stream().allMatch(c -> c == 1));
        assertEquals(report.accepted(), report.handled() + report.returned().size());
        assertEquals(n, report.accepted() + left.size());
    }

    static Stream<Boolean> externalConfigurations() {
        return Stream.of(false, true);
    }
}
