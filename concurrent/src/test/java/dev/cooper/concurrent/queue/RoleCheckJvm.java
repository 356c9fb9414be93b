package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a JVM of its own with the debug role check on
 * ({@code -Dcooper.queue.checkThreads=true}): the switch is read once per JVM, so the tests of
 * what it refuses cannot turn it on in theirs. Shared by the queues' and the consumer groups'
 * role-check tests.
 */
public final class RoleCheckJvm {

    private RoleCheckJvm() {
    }

    /**
     * Runs {@code probe} with {@code args} on this JVM's class path, waits up to a minute, and
     * fails unless it exits with 0.
     *
     * @return what it printed (standard output and error), stripped
     */
    public static String run(Class<?> probe, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dcooper.queue.checkThreads=true", "-cp", System.getProperty("java.class.path"), probe.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "probe did not finish");
        assertEquals(0, process.exitValue(), output);
        return output.strip();
    }
}
