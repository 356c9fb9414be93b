package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

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
        assertTimeoutPreemptively(Duration.ofMinutes(2), () ->
                assertEquals(RoleCheckProbe.expectedReport(kind), RoleCheckJvm.run(RoleCheckProbe.class, kind.name())));
    }
}
