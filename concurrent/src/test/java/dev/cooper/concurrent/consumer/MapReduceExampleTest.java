package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cooper.concurrent.channel.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's MapReduce example: split the input into tasks, map them on a consumer group,
 * reduce the partial results through a channel while the mappers run.
 */
@Timeout(30)
class MapReduceExampleTest {

    /** One map task: a slice of the input. */
    record Chunk(List<String> lines) {
    }

    static Map<String, Long> wordCount(List<String> lines, int workers) throws Exception {
        Channel<Map<String, Long>> partials = Channel.buffered(workers);

        // Reduce: merge the partial counts as they arrive, until the channel closes.
        CompletableFuture<Map<String, Long>> totals = CompletableFuture.supplyAsync(() -> {
            Map<String, Long> merged = new TreeMap<>();
            for (Map<String, Long> partial : partials) {
                partial.forEach((word, n) -> merged.merge(word, n, Long::sum));
            }
            return merged;
        }, Thread::startVirtualThread);

        // Map: count the words of each chunk on the group's workers.
        try (ConsumerGroup<Chunk> mappers = ConsumerGroup.builder(Chunk.class)
                .intake(16)
                .workers(workers)
                .handler(chunk -> {
                    Map<String, Long> counts = new HashMap<>();
                    for (String line : chunk.lines()) {
                        for (String word : line.split("\\s+")) {
                            counts.merge(word, 1L, Long::sum);
                        }
                    }
                    try {
                        partials.send(counts);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("map interrupted", e);
                    }
                })
                .start()) {
            for (int from = 0; from < lines.size(); from += 100) {
                mappers.submit(new Chunk(lines.subList(from, Math.min(from + 100, lines.size()))));
            }
            CloseReport<Chunk> report = mappers.close(Duration.ofMinutes(1));
            if (report.handled() != report.accepted()) {
                throw new IllegalStateException("map failed: " + report);
            }
        }
        partials.close();
        return totals.get();
    }

    @Test
    void theDistributedCountEqualsTheSequentialOne() throws Exception {
        Random random = new Random(7);
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
        List<String> lines = new ArrayList<>();
        Map<String, Long> expected = new TreeMap<>();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 1 + random.nextInt(8); w++) {
                String word = words[random.nextInt(words.length)];
                line.append(w == 0 ? "" : " ").append(word);
                expected.merge(word, 1L, Long::sum);
            }
            lines.add(line.toString());
        }
        assertEquals(expected, wordCount(lines, 4));
    }
}
