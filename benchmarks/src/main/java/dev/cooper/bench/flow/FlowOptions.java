package dev.cooper.bench.flow;

import dev.cooper.concurrent.queue.QueueKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The flow command's options, parsed from {@code --name value} or {@code --name=value}
 * arguments. Every bad option is an {@link IllegalArgumentException} whose message says what was
 * wrong and what is expected.
 */
record FlowOptions(List<Target> targets, long messages, long warmup, int producers, int consumers,
                   int capacity, Duration timeLimit, Duration stallLimit, Path out, long seed, boolean sameJvm,
                   boolean emitResults, boolean progressOnStderr, boolean help) {

    static final String USAGE = """
            Usage: ./flow [options]
               (or: java -jar benchmarks/target/benchmarks.jar flow [options])

            Pushes typed order-flow messages through each queue kind (and a channel) into a
            pattern-matching consumer group, checks exactly-once, per-producer order and no loss,
            and writes a table (stdout), flow.csv, flow.md and flow.png.

            Options:
              --kinds LIST       comma-separated targets: queue kinds (%s)
                                 and CHANNEL (a buffered channel); default: all
              --messages N       messages per target, spread over its producers (default 1000000);
                                 the delivery check keeps every message, so N is at
                                 most the heap (-Xmx) / 300 bytes
              --warmup N         messages per target in an unmeasured run before the measured
                                 one (in the target's own JVM; with --same-jvm, a first pass
                                 over all targets), so that each is measured with the JIT
                                 warm (default 200000; 0: no warm-up)
              --producers N      producer threads where the kind allows several (default 2)
              --consumers N      consumer workers where the kind allows several (default 2)
              --capacity N       queue / channel capacity, at most 2^30 (default 1024)
              --time-limit D     producers stop sending after D seconds; what they sent is
                                 still received and checked, and the table says how much
                                 of the target's messages that was (default 20)
              --stall-limit D    a target that handles no message for D seconds while
                                 some are still due has stalled: its producers are
                                 interrupted, its group closed at once, and the stall
                                 is reported as a violation (default 10)
              --out DIR          where to write the CSV, Markdown and PNG (default flow-results)
              --seed N           seed of the message mix (default 42)
              --same-jvm         run every target in this JVM, one after the other; by
                                 default each target runs in a JVM of its own with a
                                 pre-touched heap, so none inherits another's garbage,
                                 heap growth or compiled code
              --help             this text

            Exit status: 0 when every target kept every guarantee, 1 when one did not (or a
            target's JVM failed), 2 for a bad option or an output folder that cannot be written.

            Used by the flow itself when it starts a target's JVM:
              --emit-results     print each result as a tab-separated line, write no files
              --progress-on-stderr  draw the live progress line on standard error
            """.formatted(String.join(", ", Arrays.stream(QueueKind.values()).map(Enum::name).toList()));

    static FlowOptions parse(String... args) {
        Set<Target> targets = new LinkedHashSet<>(Target.all());
        long messages = 1_000_000;
        long warmup = 200_000;
        int producers = 2;
        int consumers = 2;
        int capacity = 1024;
        Duration timeLimit = Duration.ofSeconds(20);
        Duration stallLimit = Duration.ofSeconds(10);
        Path out = Path.of("flow-results");
        long seed = 42;
        boolean sameJvm = false;
        boolean emitResults = false;
        boolean progressOnStderr = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean flag = true; // an option without a value
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--same-jvm" -> sameJvm = true;
                case "--emit-results" -> emitResults = true;
                case "--progress-on-stderr" -> progressOnStderr = true;
                default -> flag = false;
            }
            if (flag) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --; see --help)");
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq >= 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("--" + name + " needs a value (see --help)");
                }
                value = args[++i];
            }
            switch (name) {
                case "kinds" -> targets = parseTargets(value);
                case "messages" -> messages = parseMessages(value);
                case "warmup" -> warmup = parseLong(name, value, 0);
                case "producers" -> producers = (int) parseLong(name, value, 1);
                case "consumers" -> consumers = (int) parseLong(name, value, 1);
                case "capacity" -> capacity = parseCapacity(value);
                case "time-limit" -> timeLimit = Duration.ofSeconds(parseLong(name, value, 1));
                case "stall-limit" -> stallLimit = Duration.ofSeconds(parseLong(name, value, 1));
                case "out" -> out = Path.of(value);
                case "seed" -> seed = parseLong(name, value, Long.MIN_VALUE);
                default -> throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
        }
        return new FlowOptions(List.copyOf(targets), messages, warmup, producers, consumers, capacity,
                timeLimit, stallLimit, out, seed, sameJvm, emitResults, progressOnStderr, help);
    }

    /**
     * The options that give a target's own JVM this run's settings for {@code target}: every
     * measured setting, and {@code --emit-results} instead of the output files.
     */
    List<String> forTarget(Target target, boolean liveProgress) {
        List<String> args = new ArrayList<>(List.of("--kinds", target.name(), "--messages", "" + messages,
                "--warmup", "" + warmup, "--producers", "" + producers, "--consumers", "" + consumers,
                "--capacity", "" + capacity, "--time-limit", "" + timeLimit.toSeconds(),
                "--stall-limit", "" + stallLimit.toSeconds(), "--seed", "" + seed,
                "--emit-results"));
        if (liveProgress) {
            args.add("--progress-on-stderr");
        }
        return args;
    }

    private static Set<Target> parseTargets(String value) {
        Set<Target> targets = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("ALL")) {
                targets.addAll(Target.all());
            } else {
                targets.add(Target.named(name));
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("--kinds: '" + value + "' names no target (see --help)");
        }
        return targets;
    }

    /**
     * Heap a message takes while its target runs and is checked: the delivery log keeps every
     * message, and checking it indexes them. Measured: 4 million messages passed in a 1 GiB
     * heap and 6 million did not (about 215 bytes each); this leaves a margin.
     */
    static final long HEAP_BYTES_PER_MESSAGE = 300;

    private static long parseMessages(String value) {
        long n = parseLong("messages", value, 1);
        long heap = Runtime.getRuntime().maxMemory();
        long most = heap / HEAP_BYTES_PER_MESSAGE;
        if (n > most) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--messages: %d (expected: <= %d, as the "
                    + "delivery check keeps every message, about %d bytes each, in this JVM's heap of %,d MiB; "
                    + "a larger -Xmx allows more)", n, most, HEAP_BYTES_PER_MESSAGE, heap >> 20));
        }
        return n;
    }

    /** The largest capacity every target takes: the array kinds' (2^30). */
    static final int MAX_CAPACITY = 1 << 30;

    private static int parseCapacity(String value) {
        long n = parseLong("capacity", value, 1);
        if (n > MAX_CAPACITY) {
            throw new IllegalArgumentException("--capacity: " + n + " (expected: <= " + MAX_CAPACITY + ")");
        }
        return (int) n;
    }

    private static long parseLong(String name, String value, long min) {
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": '" + value + "' is not a number");
        }
        if (n < min) {
            throw new IllegalArgumentException("--" + name + ": " + n + " (expected: >= " + min + ")");
        }
        if (!name.equals("messages") && !name.equals("warmup") && !name.equals("seed") && n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + name + ": " + n + " (expected: <= " + Integer.MAX_VALUE + ")");
        }
        return n;
    }

    /** A container the flow runs through: a queue kind, or the buffered channel. */
    record Target(String name, QueueKind kind) {
        static final String CHANNEL = "CHANNEL";

        static List<Target> all() {
            List<Target> all = new ArrayList<>();
            for (QueueKind kind : QueueKind.values()) {
                all.add(new Target(kind.name(), kind));
            }
            all.add(new Target(CHANNEL, null));
            return all;
        }

        static Target named(String name) {
            for (Target t : all()) {
                if (t.name.equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("--kinds: unknown target '" + name + "' (expected one of "
                    + String.join(", ", all().stream().map(Target::name).toList()) + ")");
        }

        boolean isChannel() {
            return kind == null;
        }

        /** "n -> 1, bounded, lock-free": the shape column of the table. */
        String shape() {
            if (isChannel()) {
                return "n -> n, bounded, channel";
            }
            return (kind.multiProducer() ? "n" : "1") + " -> " + (kind.multiConsumer() ? "n" : "1")
                    + (kind.bounded() ? ", bounded" : ", unbounded")
                    + (kind.lockFree() ? ", lock-free" : ", lock-based");
        }
    }
}
