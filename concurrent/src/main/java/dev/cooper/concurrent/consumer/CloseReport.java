package dev.cooper.concurrent.consumer;

import java.util.List;

/**
 * The account a {@link ConsumerGroup} gives when it has closed: every message it accepted was
 * handled, dead-lettered, or is returned here, so
 * {@code accepted() == handled() + deadLettered() + returned().size()}.
 *
 * @param accepted messages that entered the group (see {@link ConsumerGroup} for each source)
 * @param handled messages the handler accepted without throwing
 * @param deadLettered messages sent to the dead-letter sink
 * @param returned messages accepted but neither handled nor dead-lettered: left when the close
 *     deadline passed or on {@link ConsumerGroup#closeNow()}, routed to a worker that had
 *     stopped, or whose handler or dead-lettering was interrupted
 * @param deadLetters the dead letters themselves when the group had no dead-letter sink
 *     configured (then they were kept for this report); empty otherwise
 * @param drained whether the close was graceful to the end: the threads finished everything in
 *     time, nothing was interrupted, and nothing is returned
 * @param cases the counts per message case, indexed by tag
 * @param <T> the message type
 */
public record CloseReport<T>(long accepted, long handled, long deadLettered, List<T> returned,
                             List<DeadLetter<T>> deadLetters, boolean drained, List<CaseStats> cases) {

    /**
     * A report with the given counts and contents; the lists are copied.
     *
     * @throws NullPointerException if a list is null
     */
    public CloseReport {
        returned = List.copyOf(returned);
        deadLetters = List.copyOf(deadLetters);
        cases = List.copyOf(cases);
    }
}
