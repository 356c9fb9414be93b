package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The debug role check ({@code -Dcooper.queue.checkThreads=true}) for every {@link QueueKind}:
 * a single-producer or single-consumer kind refuses a second live thread in that role and
 * accepts a new one once the first has ended; a multi role is never refused. The calls from
 * inside a {@code drain} consumer or {@code fill} supplier that the check refuses, and those it
 * lets through, are checked on the way. Runs {@link RoleCheckProbe} in a forked JVM, since the
 * switch is read once per JVM.
 */
class QueueRoleCheckTest {

    @AllKinds
    void debugRoleCheckRefusesASecondLiveThreadOnEachSingleRole(QueueKind kind) {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-Dcooper.queue.checkThreads=true",
                    "-cp", System.getProperty("java.class.path"),
                    RoleCheckProbe.class.getName(), kind.name())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), "probe did not finish");
            assertEquals(0, process.exitValue(), output);
            assertEquals(RoleCheckProbe.expectedReport(kind), output.strip());
        });
    }
}
