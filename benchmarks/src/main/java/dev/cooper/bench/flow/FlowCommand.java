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

    /**
     * Runs the flow; returns the process exit code (0: all passed, 1: a violation or a failed
     * target, 2: bad options or an output folder that cannot be written).
     */
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
        if (!options.emitResults()) {
            try {
                // Before any target runs: a bad --out should not cost a whole run.
                Files.createDirectories(options.out());
            } catch (IOException e) {
                err.println("flow: cannot write results to " + options.out() + ": " + describe(e));
                return 2;
            }
        }
        try {
            return options.emitResults() ? emitResults(options, out, err) : flow(options, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("flow: interrupted");
            return 1;
        } catch (IOException e) {
            err.println("flow: cannot write results to " + options.out() + ": " + describe(e));
            return 2;
        }
    }

    private static int flow(FlowOptions options, PrintStream out) throws InterruptedException, IOException {
        String machine = machine();
        out.println("cooper flow: " + String.format(Locale.ROOT, "%,d", options.messages())
                + " messages per target, capacity " + options.capacity() + ", seed " + options.seed());
        out.println(machine);
        String where = options.sameJvm() ? "All targets in this JVM"
                : String.format(Locale.ROOT, "Each target in a JVM of its own (heap pre-touched, up to %,d MiB)",
                        TargetJvm.PRE_TOUCHED_MIB);
        out.println(where + (options.warmup() == 0 ? ", no warm-up"
                : String.format(Locale.ROOT, ", after a warm-up of %,d messages per target", options.warmup())));
        out.println();
        Progress progress = new Progress(out, Progress.terminal());
        OrderFlow[] templates = options.sameJvm() ? templates(options) : null;
        List<FlowResult> warmUpFailures = options.sameJvm()
                ? warmUp(options, templates, progress, out) : List.of();
        List<FlowResult> results = new ArrayList<>();
        for (Target target : options.targets()) {
            FlowResult result;
            if (options.sameJvm()) {
                result = new FlowRun(target, options, options.messages(), templates, progress).run();
            } else {
                progress.starting(target.name());
                result = TargetJvm.run(target, options, progress.live());
                progress.done();
            }
            results.add(result);
            if (!progress.live()) {
                out.printf(Locale.ROOT, "  %-16s %,14.0f msgs/s  %s%n", target.name(),
                        result.messagesPerSecond(), result.passed() ? "ok" : "FAILED");
            }
        }
        out.println();
        FlowReport report = new FlowReport(results);
        report.printTable(out);
        report.writeCsv(options.out().resolve("flow.csv"));
        report.writeMarkdown(options.out().resolve("flow.md"), machine);
        report.writeChart(options.out().resolve("flow.png"));
        out.println();
        out.println("Wrote " + options.out().resolve("flow.csv") + ", flow.md and flow.png");
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (failed > 0) {
            out.println(failed + " target(s) violated a delivery guarantee: see the table");
        }
        for (FlowResult w : warmUpFailures) {
            out.println("warm-up of " + w.target() + " violated a delivery guarantee: " + w.firstViolation());
        }
        return failed > 0 || !warmUpFailures.isEmpty() ? 1 : 0;
    }

    /**
     * What a target's own JVM does ({@link TargetJvm}): for each target given (one), the
     * warm-up, then the measured run, printed as a result line. A warm-up that violates a
     * guarantee is the result, so the failure is not hidden by a clean measured run.
     */
    private static int emitResults(FlowOptions options, PrintStream out, PrintStream err)
            throws InterruptedException {
        OrderFlow[] templates = templates(options);
        Progress progress = new Progress(err, options.progressOnStderr());
        int code = 0;
        for (Target target : options.targets()) {
            FlowResult result = null;
            if (options.warmup() > 0) {
                FlowResult warm = new FlowRun(target, options, options.warmup(), templates, progress).run();
                if (!warm.passed()) {
                    result = warm.inWarmUp();
                }
            }
            if (result == null) {
                result = new FlowRun(target, options, options.messages(), templates, progress).run();
            }
            out.println(result.toLine());
            if (!result.passed()) {
                code = 1;
            }
        }
        out.flush();
        return code;
    }

    /** An I/O failure's kind and message: NIO's messages are often just the path. */
    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private static OrderFlow[] templates(FlowOptions options) {
        return Gen.of(OrderFlow.class).samples(options.seed(), TEMPLATES).toArray(OrderFlow[]::new);
    }

    /**
     * The unmeasured first pass of {@code --same-jvm}: every target once with {@code --warmup}
     * messages, so that the
     * measured pass finds the JIT done with the code all targets share (message creation, the
     * delivery log, the group's workers) and each target's own calls seen from the same
     * profile, whatever its place in the order. Its guarantees are checked like the measured
     * pass's; the runs that violated one are returned.
     */
    private static List<FlowResult> warmUp(FlowOptions options, OrderFlow[] templates, Progress progress,
                                           PrintStream out) throws InterruptedException {
        List<FlowResult> failures = new ArrayList<>();
        if (options.warmup() == 0) {
            return failures;
        }
        out.printf(Locale.ROOT, "Warm-up: %,d messages per target, not measured%n", options.warmup());
        long start = System.nanoTime();
        for (Target target : options.targets()) {
            FlowResult result = new FlowRun(target, options, options.warmup(), templates, progress).run();
            if (!result.passed()) {
                failures.add(result);
            }
        }
        out.printf(Locale.ROOT, "Warm-up done in %.1f s%n%n", (System.nanoTime() - start) / 1e9);
        return failures;
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Machine: %d CPUs, %s %s; JDK %s (%s); max heap %,d MiB",
                rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                rt.maxMemory() >> 20);
    }
}
