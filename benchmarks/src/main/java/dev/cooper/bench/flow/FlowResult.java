package dev.cooper.bench.flow;

/**
 * What one target did: throughput, latency from send to handling, and what the delivery check
 * found. {@code violations == 0} means every check in {@code checks} passed.
 */
record FlowResult(String target, String shape, int producers, int consumers, long messages,
                  double seconds, long p50Nanos, long p99Nanos, long p999Nanos,
                  String checks, long violations, String firstViolation) {

    double messagesPerSecond() {
        return seconds > 0 ? messages / seconds : 0;
    }

    boolean passed() {
        return violations == 0;
    }
}
