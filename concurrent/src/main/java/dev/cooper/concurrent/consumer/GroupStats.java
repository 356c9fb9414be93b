package dev.cooper.concurrent.consumer;

import java.util.List;

/**
 * A snapshot of a running {@link ConsumerGroup}'s counters. The counters are read one after
 * another while the workers go on, so the snapshot is not atomic, but it is never ahead of
 * itself: each message counted in {@code handled} or {@code deadLettered} is also counted in
 * {@code accepted}.
 *
 * @param accepted messages the group took from its source (see {@link ConsumerGroup} for what
 *     that means for each kind of source)
 * @param handled messages the handler accepted without throwing
 * @param deadLettered messages sent to the dead-letter sink
 * @param failures handler runs that threw (a message retried twice and then handled counts 2)
 * @param retries handler runs after a failure
 * @param liveWorkers workers that have not ended
 * @param cases the same counts per message case, indexed by tag
 */
public record GroupStats(long accepted, long handled, long deadLettered, long failures, long retries,
                         int liveWorkers, List<CaseStats> cases) {

    /**
     * A snapshot with the given counts; {@code cases} is copied.
     *
     * @throws NullPointerException if {@code cases} is null
     */
    public GroupStats {
        cases = List.copyOf(cases);
    }

    /**
     * Messages accepted and neither handled nor dead-lettered yet: queued or in a worker's
     * hands.
     *
     * @return {@code accepted - handled - deadLettered}
     */
    public long inFlight() {
        return accepted - handled - deadLettered;
    }
}
