package dev.cooper.bench.flow;

import dev.cooper.bench.flow.FlowOptions.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
 * failure) goes to this process's.
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
        return run(target, command(target, options, liveProgress));
    }

    /** Runs {@code command} as {@code target}'s JVM and reads its result line. */
    static FlowResult run(Target target, List<String> command) throws InterruptedException {
        Process child;
        try {
            child = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            return FlowResult.failed(target, "cannot start the target's JVM: " + e.getMessage());
        }
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
            if (result == null) {
                return FlowResult.failed(target, "the target's JVM exited with code " + code
                        + " and no result; its last output: " + String.join(" | ", other));
            }
            return result;
        } finally {
            // Interrupted or failed while reading: leave no child running.
            child.destroyForcibly();
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
