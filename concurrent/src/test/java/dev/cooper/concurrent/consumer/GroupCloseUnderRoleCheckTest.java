package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A consumer group closes under the debug role check ({@code -Dcooper.queue.checkThreads=true}):
 * {@code close}, {@code closeNow} with {@code awaitTermination}, and the caller's take-over of
 * a single-consumer source afterwards are not refused as a second consumer. Runs
 * {@link GroupCloseRoleProbe} in a forked JVM, since the switch is read once per JVM.
 */
class GroupCloseUnderRoleCheckTest {

    @Test
    void aClosedGroupsThreadsNoLongerHoldTheirQueueRoles() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-Dcooper.queue.checkThreads=true",
                    "-cp", System.getProperty("java.class.path"),
                    GroupCloseRoleProbe.class.getName())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), "probe did not finish");
            assertEquals(0, process.exitValue(), output);
            assertEquals("ok 80", output.strip());
        });
    }
}
