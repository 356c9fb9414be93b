package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link QueueKind} against a sequential model: a seeded random mix of {@code offer},
 * {@code poll}, {@code peek}, {@code fill} and {@code drain} on one thread, each result and
 * the size compared with an {@link ArrayDeque} after every step, over many laps of the ring.
 */
class QueueModelTest {

    private static final int STEPS = 20_000;

    static Stream<Arguments> kindsAndCapacities() {
        return Arrays.stream(QueueKind.values())
                .flatMap(kind -> IntStream.of(1, 2, 8, 64).mapToObj(c -> Arguments.of(kind, c)));
    }

    @ParameterizedTest(name = "{0} capacity {1}")
    @MethodSource("kindsAndCapacities")
    void randomOperationsAgreeWithAFifoModel(QueueKind kind, int requested) {
        MessageQueue<Integer> q = kind.create(requested);
        // An unbounded kind is kept near the requested size: offers stop above it.
        int room = kind.bounded() ? q.capacity() : requested;
        ArrayDeque<Integer> model = new ArrayDeque<>();
        Random random = new Random(kind.ordinal() * 1_000L + requested);
        int next = 0;
        for (int step = 0; step < STEPS; step++) {
            String at = kind + " step " + step;
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    boolean fits = model.size() < room;
                    if (fits || kind.bounded()) {
                        assertEquals(fits, q.offer(next), "offer at " + at);
                        if (fits) {
                            model.add(next);
                        }
                        next++;
                    }
                }
                case 2 -> assertEquals(model.poll(), q.poll(), "poll at " + at);
                case 3 -> assertEquals(model.peek(), q.peek(), "peek at " + at);
                case 4 -> {
                    int limit = random.nextInt(room + 2);
                    int first = next;
                    int[] supplied = {first};
                    int n = q.fill(() -> supplied[0]++, limit);
                    int expected = kind.bounded() ? Math.min(limit, room - model.size()) : limit;
                    assertEquals(expected, n, "fill at " + at);
                    assertEquals(first + n, supplied[0], "supplier calls at " + at);
                    for (int i = 0; i < n; i++) {
                        model.add(first + i);
                    }
                    next += n;
                }
                default -> {
                    int limit = random.nextInt(room + 2);
                    List<Integer> out = new ArrayList<>();
                    int n = q.drain(out::add, limit);
                    assertEquals(Math.min(limit, model.size()), n, "drain at " + at);
                    assertEquals(n, out.size());
                    for (Integer e : out) {
                        assertEquals(model.poll(), e, "drain at " + at);
                    }
                }
            }
            assertEquals(model.size(), q.size(), "size at " + at);
            assertEquals(model.isEmpty(), q.isEmpty(), "isEmpty at " + at);
        }
        assertTrue(next > 20 * room, "the run should wrap around many times: " + next + " offers");
    }
}
