package dev.cooper.bench.flow;

import dev.cooper.bench.flow.FlowOptions.Target;
import dev.cooper.testkit.Gen;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The project's main job: {@code java -jar benchmarks.jar flow [options]}. Pushes typed
 * order-flow messages through every queue kind and a channel into a pattern-matching consumer
 * group, verifies the delivery guarantees with the testkit's delivery log, and reports
 * throughput and latency as a table, CSV, Markdown and a PNG chart. See {@link FlowOptions}.
 */
public final class FlowCommand {
    /** Generated message templates; a power of two so producers index them with a mask. */
    private static final int TEMPLATES = 4096;

    private FlowCommand() {
    }

    /** Runs the flow; returns the process exit code (0: all passed, 1: a violation, 2: bad options). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        FlowOptions options;
        try {
            options = FlowOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("flow: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(FlowOptions.USAGE);
            return 0;
        }
        try {
            return flow(options, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("flow: interrupted");
            return 1;
        } catch (IOException e) {
            err.println("flow: cannot write results to " + options.out() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int flow(FlowOptions options, PrintStream out) throws InterruptedException, IOException {
        String machine = machine();
        out.println("cooper flow: " + String.format(Locale.ROOT, "%,d", options.messages())
                + " messages per target, capacity " + options.capacity() + ", seed " + options.seed());
        out.println(machine);
        out.println();
        OrderFlow[] templates = Gen.of(OrderFlow.class).samples(options.seed(), TEMPLATES)
                .toArray(OrderFlow[]::new);
        Progress progress = new Progress(out, Progress.terminal());
        List<FlowResult> results = new ArrayList<>();
        for (Target target : options.targets()) {
            FlowResult result = new FlowRun(target, options, templates, progress).run();
            results.add(result);
            if (!progress.live()) {
                out.printf(Locale.ROOT, "  %-16s %,14.0f msgs/s  %s%n", target.name(),
                        result.messagesPerSecond(), result.passed() ? "ok" : "FAILED");
            }
        }
        out.println();
        FlowReport report = new FlowReport(results);
        report.printTable(out);
        Files.createDirectories(options.out());
        report.writeCsv(options.out().resolve("flow.csv"));
        report.writeMarkdown(options.out().resolve("flow.md"), machine);
        report.writeChart(options.out().resolve("flow.png"));
        out.println();
        out.println("Wrote " + options.out().resolve("flow.csv") + ", flow.md and flow.png");
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (failed > 0) {
            out.println(failed + " target(s) violated a delivery guarantee: see the table");
            return 1;
        }
        return 0;
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Machine: %d CPUs, %s %s; JDK %s (%s); max heap %,d MiB",
                rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                rt.maxMemory() >> 20);
    }
}
