package dev.cooper.bench.flow;

import dev.cooper.bench.flow.FlowOptions.Target;

/**
 * What one target did: throughput, latency from send to handling, and what the delivery check
 * found. {@code violations == 0} means every check in {@code checks} passed.
 */
record FlowResult(String target, String shape, int producers, int consumers, long messages,
                  double seconds, long p50Nanos, long p99Nanos, long p999Nanos,
                  String checks, long violations, String firstViolation) {

    /** What the flow checks of every target's delivery: the {@code checks} of every result. */
    static final String CHECKS = "exactly-once, per-producer FIFO, no loss";

    /** Starts the line by which a target's JVM hands its result to the flow command. */
    static final String LINE_PREFIX = "flow-result\t";

    double messagesPerSecond() {
        return seconds > 0 ? messages / seconds : 0;
    }

    boolean passed() {
        return violations == 0;
    }

    /** A target that produced no measurement: one violation, {@code why}. */
    static FlowResult failed(Target target, String why) {
        return new FlowResult(target.name(), target.shape(), 0, 0, 0, 0, 0, 0, 0, CHECKS, 1, why);
    }

    /** This result, marked as a warm-up's: its violations were found before the measured run. */
    FlowResult inWarmUp() {
        return new FlowResult(target, shape, producers, consumers, messages, seconds, p50Nanos, p99Nanos,
                p999Nanos, checks, violations, "in the warm-up: " + firstViolation);
    }

    /** This result as one tab-separated line, read back by {@link #fromLine}. */
    String toLine() {
        return LINE_PREFIX + String.join("\t", target, shape, "" + producers, "" + consumers, "" + messages,
                Double.toString(seconds), "" + p50Nanos, "" + p99Nanos, "" + p999Nanos, oneLine(checks),
                "" + violations, oneLine(firstViolation));
    }

    /**
     * The result {@link #toLine} wrote.
     *
     * @throws IllegalArgumentException if {@code line} is not such a line
     */
    static FlowResult fromLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            throw new IllegalArgumentException("not a flow result: " + line);
        }
        String[] f = line.substring(LINE_PREFIX.length()).split("\t", -1);
        if (f.length != 12) {
            throw new IllegalArgumentException("a flow result has 12 fields, found " + f.length + ": " + line);
        }
        try {
            return new FlowResult(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4]),
                    Double.parseDouble(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                    f[9], Long.parseLong(f[10]), f[11]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a flow result with a bad number: " + line, e);
        }
    }

    /** Tabs and line breaks would split the line: they become spaces. */
    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
