package dev.cooper.bench.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.testkit.Gen;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowCommandTest {

    @Test
    void aSmallFlowChecksEveryTargetAndWritesTheResults(@TempDir Path out) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = FlowCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                "--kinds", "SPSC_ARRAY,MPMC_ARRAY,LOCKED_ARRAY,CHANNEL", "--messages", "20000",
                "--warmup", "5000", "--same-jvm", "--out", out.toString());

        String text = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text + stderr.toString(StandardCharsets.UTF_8));
        List<String> csv = Files.readAllLines(out.resolve("flow.csv"));
        assertEquals(5, csv.size(), "a header and one row per target: " + csv);
        for (String row : csv.subList(1, csv.size())) {
            assertTrue(row.endsWith(",0"), "no violation: " + row);
        }
        assertTrue(Files.size(out.resolve("flow.png")) > 1000, "a chart was drawn");
        assertTrue(Files.readString(out.resolve("flow.md")).contains("| MPMC_ARRAY |"));
        assertTrue(text.contains("exactly-once, per-producer FIFO, no loss: ok"), text);
        assertTrue(text.contains("Warm-up: 5,000 messages per target"), text);
    }

    @Test
    void byDefaultEachTargetRunsInAJvmOfItsOwn(@TempDir Path out) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = FlowCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err,
                "--kinds", "MPSC_ARRAY,CHANNEL", "--messages", "4000", "--warmup", "1000", "--out", out.toString());

        String text = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("Each target in a JVM of its own"), text);
        List<String> csv = Files.readAllLines(out.resolve("flow.csv"));
        assertEquals(3, csv.size(), "a header and one row per target: " + csv);
        assertTrue(csv.get(1).startsWith("MPSC_ARRAY,\"n -> 1, bounded, lock-free\",2,1,4000,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("CHANNEL,"), csv.get(2));
        for (String row : csv.subList(1, csv.size())) {
            assertTrue(row.endsWith(",0"), "no violation: " + row);
        }
    }

    @Test
    void aTargetsJvmGetsThePreTouchedHeapAndEverySetting() {
        FlowOptions options = FlowOptions.parse("--messages", "5000", "--warmup", "0", "--producers", "3",
                "--consumers", "4", "--capacity", "64", "--time-limit", "7", "--seed", "9");
        List<String> command = TargetJvm.command(new FlowOptions.Target("SPSC_ARRAY",
                dev.cooper.concurrent.queue.QueueKind.SPSC_ARRAY), options, true);

        assertTrue(command.contains("-XX:+AlwaysPreTouch"), command.toString());
        assertTrue(command.stream().anyMatch(a -> a.startsWith("-Xms")), command.toString());
        String flowArgs = String.join(" ", command.subList(command.indexOf("flow") + 1, command.size()));
        assertEquals("--kinds SPSC_ARRAY --messages 5000 --warmup 0 --producers 3 --consumers 4 --capacity 64"
                + " --time-limit 7 --stall-limit 10 --seed 9 --emit-results --progress-on-stderr", flowArgs);
    }

    @Test
    void aTargetsJvmThatGivesNoResultIsAFailedTarget() throws Exception {
        FlowOptions.Target target = FlowOptions.Target.named("CHANNEL");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        FlowResult silent = TargetJvm.run(target, List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.cooper.bench.Main", "flow", "--warmup", "-5"), Duration.ofMinutes(1));
        assertEquals("CHANNEL", silent.target());
        assertEquals(1, silent.violations());
        assertTrue(silent.firstViolation().startsWith("the target's JVM exited with code 2 and no result"),
                silent.firstViolation());
        // Its standard error, where the reason went, is in the report.
        assertTrue(silent.firstViolation().endsWith("its last output: flow: --warmup: -5 (expected: >= 0)"),
                silent.firstViolation());

        String missingJava = Path.of(System.getProperty("java.io.tmpdir"), "cooper-no-such-jdk", "java").toString();
        FlowResult unstartable = TargetJvm.run(target, List.of(missingJava), Duration.ofMinutes(1));
        assertEquals(1, unstartable.violations());
        assertTrue(unstartable.firstViolation().startsWith("cannot start the target's JVM"),
                unstartable.firstViolation());
    }

    @Test
    void aResultLineReadsBackAsTheSameResult() {
        FlowResult result = new FlowResult("MPMC_ARRAY", "n -> n, bounded, lock-free", 2, 2, 1000, 0.25,
                1500, 90_000, 400_000, "exactly-once, per-producer FIFO, no loss", 1, "lost: producer 1\tseq 7\n");
        FlowResult back = FlowResult.fromLine(result.toLine());

        assertEquals(new FlowResult("MPMC_ARRAY", "n -> n, bounded, lock-free", 2, 2, 1000, 0.25,
                1500, 90_000, 400_000, "exactly-once, per-producer FIFO, no loss", 1, "lost: producer 1 seq 7 "), back);
        assertThrows(IllegalArgumentException.class, () -> FlowResult.fromLine("flow-result\tMPMC_ARRAY\t2"));
        assertThrows(IllegalArgumentException.class, () -> FlowResult.fromLine("MPMC_ARRAY"));
    }

    @Test
    void theWarmUpCanBeTurnedOff(@TempDir Path out) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = FlowCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err,
                "--kinds", "SPSC_ARRAY", "--messages", "1000", "--warmup", "0", "--same-jvm", "--out", out.toString());

        String text = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(!text.contains("Warm-up"), text);
        assertEquals(200_000, FlowOptions.parse().warmup(), "the default");
    }

    @Test
    void helpExplainsEveryOption() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = FlowCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err, "--help");
        assertEquals(0, code);
        String help = stdout.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--kinds", "--messages", "--warmup", "--producers", "--consumers", "--capacity",
                "--time-limit", "--stall-limit", "--out", "--seed", "--same-jvm", "--help")) {
            assertTrue(help.contains(option), option + " in " + help);
        }
    }

    @Test
    void badOptionsAreRefusedWithAClearMessage() {
        assertEquals("unknown option --speed (see --help)",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--speed", "3")).getMessage());
        assertEquals("--messages: 0 (expected: >= 1)",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--messages=0")).getMessage());
        assertEquals("--producers: 'two' is not a number",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--producers", "two")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--kinds", "FAST_QUEUE"))
                .getMessage().startsWith("--kinds: unknown target 'FAST_QUEUE' (expected one of SPSC_ARRAY"));
        assertEquals("--stall-limit: 0 (expected: >= 1)",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--stall-limit", "0")).getMessage());
        assertEquals("--warmup: -1 (expected: >= 0)",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--warmup", "-1")).getMessage());
        assertEquals("--capacity needs a value (see --help)",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--capacity")).getMessage());
        assertEquals("--out needs a value (see --help)",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--out", "--same-jvm")).getMessage());
        assertEquals("--capacity: 1073741825 (expected: <= 1073741824)",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--capacity", "1073741825"))
                        .getMessage());

        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = FlowCommand.run(System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8), "--consumers", "-1");
        assertEquals(2, code);
        assertEquals("flow: --consumers: -1 (expected: >= 1)", stderr.toString(StandardCharsets.UTF_8).strip());
    }

    /** The count asked for is sent, spread over the producers, even when it does not divide. */
    @Test
    void exactlyTheMessagesAskedForAreSent(@TempDir Path out) throws Exception {
        for (String messages : List.of("7", "1")) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            int code = FlowCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err,
                    "--kinds", "MPMC_ARRAY", "--messages", messages, "--producers", "3", "--warmup", "0",
                    "--same-jvm", "--out", out.toString());
            assertEquals(0, code, stdout.toString(StandardCharsets.UTF_8));
            String row = Files.readAllLines(out.resolve("flow.csv")).get(1);
            assertTrue(row.startsWith("MPMC_ARRAY,\"n -> n, bounded, lock-free\",3,2," + messages + ","), row);
        }
    }

    /** A target the time limit stops says how much of it was sent (here: none, at a limit of 0). */
    @Test
    void aTargetStoppedByTheTimeLimitSaysSo(@TempDir Path out) throws Exception {
        FlowOptions.Target target = FlowOptions.Target.named("MPMC_ARRAY");
        FlowOptions options = new FlowOptions(List.of(target), 1000, 0, 2, 2, 1024, Duration.ZERO, Duration.ofSeconds(10), out, 42,
                true, false, false, false);
        OrderFlow[] templates = Gen.of(OrderFlow.class).samples(42, 16).toArray(OrderFlow[]::new);
        FlowResult result = new FlowRun(target, options, 1000, templates, new Progress(System.out, false)).run();
        assertEquals(0, result.messages());
        assertTrue(result.passed(), result.firstViolation());
        assertEquals("exactly-once, per-producer FIFO, no loss, over the 0 of 1,000 messages sent before the time limit",
                result.checks());
    }

    @Test
    void moreMessagesThanTheHeapCanCheckAreRefused() {
        long most = Runtime.getRuntime().maxMemory() / FlowOptions.HEAP_BYTES_PER_MESSAGE;
        assertEquals(most, FlowOptions.parse("--messages", "" + most).messages());
        var e = assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--messages", "" + (most + 1)));
        assertTrue(e.getMessage().startsWith("--messages: " + (most + 1) + " (expected: <= " + most + ", as the delivery "
                + "check keeps every message"), e.getMessage());
    }

    /** An output folder that cannot be made is a bad option, found before any target runs. */
    @Test
    void anOutputFolderThatCannotBeMadeIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = FlowCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                "--kinds", "SPSC_ARRAY", "--messages", "1000", "--out", file.toString());
        assertEquals(2, code);
        assertEquals("", stdout.toString(StandardCharsets.UTF_8), "no target ran");
        assertEquals("flow: cannot write results to " + file + ": FileAlreadyExistsException (" + file + ")",
                stderr.toString(StandardCharsets.UTF_8).strip());
    }
}
