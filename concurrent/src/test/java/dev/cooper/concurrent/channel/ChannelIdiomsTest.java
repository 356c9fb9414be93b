package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Go idioms of {@code channel-idioms.md} (test resources), each the same code as its
 * example there: pipeline, fan-out/fan-in, worker pool, timeout with select, done-channel
 * cancellation. The last two tests check that the document's code blocks, and the README's
 * channel example, are this class's code.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChannelIdiomsTest {

    // --- pipeline

    /** Emits 1..n, then closes. */
    static Channel<Integer> generate(ExecutorService exec, int n) {
        Channel<Integer> out = Channel.rendezvous();
        exec.submit(() -> {
            for (int i = 1; i <= n; i++) {
                out.send(i);
            }
            out.close();
            return null;
        });
        return out;
    }

    /** Squares what comes in; closes when its input is closed and drained. */
    static Channel<Integer> square(ExecutorService exec, Channel<Integer> in) {
        Channel<Integer> out = Channel.rendezvous();
        exec.submit(() -> {
            for (int x : in) {
                out.send(x * x);
            }
            out.close();
            return null;
        });
        return out;
    }

    @Test
    void pipeline() {
        try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
            int sum = 0;
            for (int x : square(exec, square(exec, generate(exec, 4)))) {
                sum += x; // 1 + 16 + 81 + 256
            }
            assertEquals(354, sum);
        }
    }

    // --- fan-out / fan-in

    /** Merges the inputs into one channel that closes once every input is closed and drained. */
    static <E> Channel<E> merge(ExecutorService exec, List<Channel<E>> inputs) {
        Channel<E> out = Channel.buffered(16);
        AtomicInteger open = new AtomicInteger(inputs.size());
        for (Channel<E> in : inputs) {
            exec.submit(() -> {
                for (E e : in) {
                    out.send(e);
                }
                if (open.decrementAndGet() == 0) {
                    out.close();
                }
                return null;
            });
        }
        return out;
    }

    @Test
    void fanOutFanIn() {
        try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Channel<Integer> source = generate(exec, 100);
            // Fan out: three squarers read the same channel, each element goes to one of them.
            List<Channel<Integer>> squares = List.of(
                    square(exec, source), square(exec, source), square(exec, source));
            // Fan in: one channel of all results.
            long sum = 0;
            for (int x : merge(exec, squares)) {
                sum += x;
            }
            assertEquals(338_350, sum); // 1² + ... + 100²
        }
    }

    // --- worker pool

    record Job(int id, String text) {
    }

    record Result(int jobId, int length) {
    }

    @Test
    void workerPool() throws InterruptedException {
        Channel<Job> jobs = Channel.buffered(8);
        Channel<Result> results = Channel.unbounded();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (Job job : jobs) {
                        results.send(new Result(job.id(), job.text().length()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (int id = 0; id < 50; id++) {
            jobs.send(new Job(id, "x".repeat(id)));
        }
        jobs.close(); // workers finish the queued jobs, then their loops end
        for (Thread worker : workers) {
            worker.join();
        }
        results.close();
        int total = 0;
        for (Result r : results) {
            total += r.length();
        }
        assertEquals(1_225, total); // 0 + 1 + ... + 49
    }

    // --- timeout with select

    @Test
    void timeoutWithSelect() throws InterruptedException {
        Channel<String> replies = Channel.rendezvous(); // nobody answers
        String outcome = Select.<String>select()
                .onReceive(replies, reply -> "reply: " + reply, () -> "closed")
                .onTimeout(Duration.ofMillis(50), () -> "timed out")
                .run();
        assertEquals("timed out", outcome);
    }

    // --- done-channel cancellation

    /** Emits 0, 1, 2, ... until {@code done} is closed. */
    static Channel<Integer> counter(ExecutorService exec, Channel<Void> done) {
        Channel<Integer> out = Channel.rendezvous();
        exec.submit(() -> {
            boolean running = true;
            for (int i = 0; running; i++) {
                int next = i;
                running = Select.<Boolean>select()
                        .onSend(out, next, () -> true)
                        .onReceive(done, never -> false, () -> false) // closed: stop
                        .run();
            }
            out.close();
            return null;
        });
        return out;
    }

    @Test
    void doneChannelCancellation() throws InterruptedException {
        try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Channel<Void> done = Channel.rendezvous();
            Channel<Integer> numbers = counter(exec, done);
            assertEquals(0, numbers.receive());
            assertEquals(1, numbers.receive());
            done.close(); // tells the counter to stop; it closes its output when it has
            int next = 2;
            for (int late : numbers) { // a send may still win a select against the closed done
                assertEquals(next++, late);
            }
            assertTrue(numbers.isClosed());
        }
    }

    // --- the document

    /**
     * Every code block of {@code channel-idioms.md} is code of this class, line for line (up to
     * indentation), so the examples the README points to are the ones tested here.
     */
    @Test
    void everyExampleOfTheDocumentIsCodeOfThisTest() throws IOException {
        String document;
        try (InputStream in = ChannelIdiomsTest.class.getResourceAsStream("/channel-idioms.md")) {
            assertNotNull(in, "channel-idioms.md is not on the test class path");
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(5, assertCodeOfThisTest(document), "one code block per idiom");
    }

    /** The example of the README's section on channels is the timeout idiom's code. */
    @Test
    void theReadmeExampleIsCodeOfThisTest() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("\n## Channels and select\n");
        assertTrue(start >= 0, "README.md has no section on channels");
        int end = readme.indexOf("\n## ", start + 1);
        assertEquals(1, assertCodeOfThisTest(readme.substring(start, end)));
    }

    /** Checks that every java code block of {@code markdown} is code of this class; counts them. */
    private static int assertCodeOfThisTest(String markdown) throws IOException {
        String source = unindented(Files.readString(
                Path.of("src/test/java/dev/cooper/concurrent/channel/ChannelIdiomsTest.java")));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String code = unindented(block.group(1));
            assertTrue(source.contains(code), "not in ChannelIdiomsTest:\n" + code);
        }
        return blocks;
    }

    /** {@code text} with every line's leading white space removed. */
    private static String unindented(String text) {
        return text.lines().map(String::strip).collect(Collectors.joining("\n"));
    }
}
