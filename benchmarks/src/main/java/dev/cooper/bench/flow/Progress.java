package dev.cooper.bench.flow;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The live progress line: redrawn in place at most every 100 ms when the output is a terminal,
 * silent otherwise (a log file gets the final table only).
 */
final class Progress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean live;
    private long lastDraw;
    private int lastWidth;

    Progress(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /**
     * Whether standard output is an interactive terminal. From JDK 22 on, {@code System.console()}
     * exists even when the output is redirected, and {@code Console.isTerminal()} tells; on JDK 21
     * a console exists only for a terminal.
     */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    boolean live() {
        return live;
    }

    void update(String target, long done, long total) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? BAR : (int) Math.min(BAR, done * BAR / total);
        draw(String.format(Locale.ROOT, "  %-16s [%s%s] %,d / %,d",
                target, "#".repeat(filled), ".".repeat(BAR - filled), done, total));
    }

    /**
     * Says that {@code target}'s own JVM is starting (it pre-touches its heap first, which takes
     * seconds), until that JVM's progress line, drawn over it, takes its place.
     */
    void starting(String target) {
        if (live) {
            draw(String.format(Locale.ROOT, "  %-16s starting its JVM ...", target));
        }
    }

    private void draw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        out.flush();
        lastWidth = line.length();
    }

    /** Clears the line after a target. */
    void done() {
        if (live && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
            lastWidth = 0;
            lastDraw = 0;
        }
    }
}
