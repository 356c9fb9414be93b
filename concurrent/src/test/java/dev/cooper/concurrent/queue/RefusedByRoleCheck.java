package dev.cooper.concurrent.queue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that uses a queue in a way the kinds allow but the debug check
 * ({@code -Dcooper.queue.checkThreads=true}) refuses by design. The check is conservative:
 * <ul>
 *   <li>it counts a thread as holding a single-producer or single-consumer role for as long as
 *       that thread lives, so a test that fills a queue and then has a thread it started wait
 *       in {@code put} (one thread at a time, the start ordering the calls) is refused;
 *   <li>it reads a lock-based kind's lock held by the caller as a call from inside
 *       {@code drain} or {@code fill}, so a test that holds one by hand is refused.
 * </ul>
 * The build's {@code check-threads} test execution, which runs the suite under the check to
 * show that it refuses nothing else, leaves these tests out; the default execution runs them.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(RefusedByRoleCheck.TAG)
@interface RefusedByRoleCheck {
    /** The JUnit tag that the check-threads execution excludes (the concurrent module's pom). */
    String TAG = "refused-by-role-check";

    /** What the test does that the check refuses. */
    String value();
}
