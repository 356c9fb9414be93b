package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cooper.concurrent.queue.RoleCheckJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A consumer group closes under the debug role check ({@code -Dcooper.queue.checkThreads=true}):
 * once {@code close}, {@code awaitTermination} or {@code isTerminated} says it has terminated,
 * the caller's take-over of a single-consumer source is not refused as a second consumer, nor
 * is the close's take-over of the worker queues. Runs
 * {@link GroupCloseRoleProbe} in a forked JVM, since the switch is read once per JVM.
 */
class GroupCloseUnderRoleCheckTest {

    @Test
    void aClosedGroupsThreadsNoLongerHoldTheirQueueRoles() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () ->
                assertEquals("ok 80", RoleCheckJvm.run(GroupCloseRoleProbe.class)));
    }
}
