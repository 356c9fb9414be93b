package dev.cooper.bench.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "--out", out.toString());

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
    }

    @Test
    void helpExplainsEveryOption() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = FlowCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err, "--help");
        assertEquals(0, code);
        String help = stdout.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--kinds", "--messages", "--producers", "--consumers", "--capacity",
                "--time-limit", "--out", "--seed", "--help")) {
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
        assertEquals("--capacity needs a value (see --help)",
                assertThrows(IllegalArgumentException.class, () -> FlowOptions.parse("--capacity")).getMessage());

        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = FlowCommand.run(System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8), "--consumers", "-1");
        assertEquals(2, code);
        assertEquals("flow: --consumers: -1 (expected: >= 1)", stderr.toString(StandardCharsets.UTF_8).strip());
    }
}
