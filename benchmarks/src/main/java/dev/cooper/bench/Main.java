package dev.cooper.bench;

import dev.cooper.bench.flow.FlowCommand;
import java.util.Arrays;

/**
 * Entry point of {@code benchmarks.jar}. {@code java -jar benchmarks.jar flow [options]} runs
 * the flow command ({@code flow --help} lists its options); anything else goes to JMH as it is
 * ({@code java -jar benchmarks.jar QueueThroughput -f 2 -prof gc}; {@code -h} lists JMH's
 * options, {@code -l} the benchmarks).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("flow")) {
            int code = FlowCommand.run(System.out, System.err, Arrays.copyOfRange(args, 1, args.length));
            System.out.flush();
            System.exit(code);
        }
        org.openjdk.jmh.Main.main(args);
    }
}
