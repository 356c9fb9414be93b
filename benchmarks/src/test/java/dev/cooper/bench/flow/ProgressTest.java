package dev.cooper.bench.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aStartingTargetShowsALineThatDoneClears() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        progress.starting("SPSC_ARRAY");
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\r  SPSC_ARRAY       starting its JVM ...", shown);

        progress.done();
        String cleared = bytes.toString(StandardCharsets.UTF_8).substring(shown.length());
        assertEquals("\r" + " ".repeat(shown.length() - 1) + "\r", cleared, "the line is blanked, cursor back");
    }

    @Test
    void aShorterLineCoversTheLongerOneBeforeIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        progress.update("SPSC_ARRAY", 5, 10);
        int first = bytes.size();
        progress.starting("CHANNEL");
        String second = bytes.toString(StandardCharsets.UTF_8).substring(first);
        assertEquals(first, second.length(), "padded to the width of the line it replaces: " + second);
        assertTrue(second.startsWith("\r  CHANNEL "), second);
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        progress.starting("SPSC_ARRAY");
        progress.update("SPSC_ARRAY", 5, 10);
        progress.done();
        assertEquals(0, bytes.size());
    }
}
