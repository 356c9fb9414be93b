package dev.cooper.bench.flow;

import dev.cooper.bench.flow.FlowOptions.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one target of the flow in a JVM of its own, as JMH runs each benchmark in a fork: the
 * target starts from a fresh JIT and a fresh heap, whatever ran before it. The heap is
 * pre-touched ({@code -XX:+AlwaysPreTouch}, initial size {@link #PRE_TOUCHED_MIB} MiB or the
 * maximum if smaller), so that the run does not pay for pages the heap touches for the first
 * time as it grows: on this project's VMs that cost dominated the flow's numbers, as it did the
 * linked queues' in JMH (decision 0019; the flow's figures are in decision 0021).
 *
 * <p>The child runs {@code flow --emit-results} with the same settings and prints its result
 * as one line ({@link FlowResult#toLine}); its standard error (the live progress line, and any
 * failure) goes on to this process's, and its last lines go into the report of a child that
 * gives no result. A child outlives nothing: it is destroyed when the run ends, is interrupted,
 * or this JVM shuts down (a SIGTERM to the flow).
 */
final class TargetJvm {
    /** The initial, pre-touched heap of a target's JVM: room for a million logged messages. */
    static final long PRE_TOUCHED_MIB = 2048;
    /** Lines of the child's other output kept for the report when it gives no result. */
    private static final int KEPT_LINES = 5;

    private TargetJvm() {
    }

    /**
     * Runs {@code target} in a new JVM and returns its result; a JVM that exits without one is
     * reported as a failed target, with its exit code and last lines of output.
     */
    static FlowResult run(Target target, FlowOptions options, boolean liveProgress) throws InterruptedException {
        return run(target, command(target, options, liveProgress), longestRun(options));
    }

    /**
     * How long a target's JVM may take before it is stopped: twice (warm-up and measured run)
     * the time limit and the stall limit, and five minutes for start-up, draining and checks. A
     * target that stalls ends itself within its stall limit; this bounds what that cannot catch.
     */
    static Duration longestRun(FlowOptions options) {
        return options.timeLimit().plus(options.stallLimit()).multipliedBy(2).plusMinutes(5);
    }

    /**
     * Runs {@code command} as {@code target}'s JVM and reads its result line; a JVM still running
     * after {@code longest} is destroyed and reported as a failed target.
     */
    static FlowResult run(Target target, List<String> command, Duration longest) throws InterruptedException {
        Process child;
        try {
            child = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return FlowResult.failed(target, "cannot start the target's JVM: " + e.getMessage());
        }
        Thread killChild = new Thread(child::destroyForcibly, "flow-target-jvm-reaper");
        Runtime.getRuntime().addShutdownHook(killChild);
        AtomicBoolean overran = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("flow-target-jvm-watchdog").start(() -> {
            try {
                if (!child.waitFor(longest.toMillis(), TimeUnit.MILLISECONDS)) {
                    overran.set(true);
                    child.destroyForcibly();   // its output ends, and the reading below with it
                }
            } catch (InterruptedException e) {
                // The run ended first.
            }
        });
        StderrTail stderr = new StderrTail(child.getErrorStream(), KEPT_LINES);
        Thread forwarder = Thread.ofPlatform().daemon().name("flow-target-stderr").start(stderr);
        try {
            FlowResult result = null;
            Deque<String> other = new ArrayDeque<>();
            try (BufferedReader lines = child.inputReader()) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith(FlowResult.LINE_PREFIX)) {
                        result = FlowResult.fromLine(line);
                    } else {
                        other.addLast(line);
                        if (other.size() > KEPT_LINES) {
                            other.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                return FlowResult.failed(target, "cannot read the target's JVM output: " + e.getMessage());
            }
            int code = child.waitFor();
            forwarder.join(Duration.ofSeconds(5));
            if (result == null || overran.get()) {
                other.addAll(stderr.lastLines());
                while (other.size() > KEPT_LINES) {
                    other.removeFirst();
                }
                String how = overran.get() ? "did not end within " + longest.toSeconds() + " s and was stopped"
                        : "exited with code " + code + " and no result";
                return FlowResult.failed(target, "the target's JVM " + how + "; its last output: "
                        + String.join(" / ", other));
            }
            return result;
        } finally {
            // Interrupted or failed while reading: leave no child running.
            watchdog.interrupt();
            child.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(killChild);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
        }
    }

    /**
     * Copies a child's standard error to this process's as it comes (the progress line redraws
     * itself with carriage returns), keeping its last lines for the report.
     */
    private static final class StderrTail implements Runnable {
        private final InputStream in;
        private final int keep;
        private final Deque<String> lines = new ArrayDeque<>();
        private final StringBuilder line = new StringBuilder();

        StderrTail(InputStream in, int keep) {
            this.in = in;
            this.keep = keep;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    System.err.write(buffer, 0, n);
                    System.err.flush();
                    collect(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The child is gone: what was read is kept.
            }
            synchronized (lines) {
                keepLine();
            }
        }

        private void collect(String text) {
            synchronized (lines) {
                for (char c : text.toCharArray()) {
                    if (c == '\n') {
                        keepLine();
                    } else if (c == '\r') {
                        line.setLength(0); // a redrawn progress line
                    } else {
                        line.append(c);
                    }
                }
            }
        }

        private void keepLine() {
            String text = line.toString().strip();
            line.setLength(0);
            if (!text.isEmpty()) {
                lines.addLast(text);
                if (lines.size() > keep) {
                    lines.removeFirst();
                }
            }
        }

        List<String> lastLines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }

    /** The child's command line: this JVM's java and class path, the pre-touched heap, the flow. */
    static List<String> command(Target target, FlowOptions options, boolean liveProgress) {
        long maxMib = Runtime.getRuntime().maxMemory() >> 20;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + Math.min(PRE_TOUCHED_MIB, maxMib) + "m",
                "-Xmx" + maxMib + "m",
                "-XX:+AlwaysPreTouch",
                "-cp", System.getProperty("java.class.path"),
                "dev.cooper.bench.Main", "flow"));
        command.addAll(options.forTarget(target, liveProgress));
        return command;
    }
}
