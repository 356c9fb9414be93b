package dev.cooper.bench;

/**
 * Entry point of {@code benchmarks.jar}: runs the JMH suites, passing the arguments to JMH as
 * they are ({@code java -jar benchmarks.jar QueueThroughput -f 2 -prof gc}; {@code -h} lists
 * JMH's options, {@code -l} the benchmarks).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
