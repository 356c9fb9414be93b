package dev.cooper.properties;

import dev.cooper.concurrent.consumer.ConsumerGroup;
import dev.cooper.concurrent.consumer.ConsumerGroupBuilder;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.properties.ConsumerGroupProperties.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * How the submitters of {@link ConsumerGroupProperties} get their jobs to the group: through the
 * group's own intake, or through a {@link MessageQueue} the group reads as its source. A feed
 * serves one run.
 */
sealed interface GroupFeed {

    /** Gives the group its source, of the scenario's intake capacity. */
    void attach(ConsumerGroupBuilder<Job> builder, GroupScenario s);

    /**
     * Hands {@code job} on, waiting for room.
     *
     * @throws IllegalStateException once the group is closed (or has no worker left, for the
     *     intake); the job was not handed on
     */
    void submit(ConsumerGroup<Job> group, Job job) throws InterruptedException;

    /** The group has closed: later submits fail. Called by the thread that then calls {@link #left()}. */
    void closed();

    /** The jobs handed on that the group never took; call once the submitters have finished. */
    List<Job> left();

    /** The group's intake: {@code submit} is the group's, and a close accounts for every job. */
    record Intake() implements GroupFeed {

        @Override
        public void attach(ConsumerGroupBuilder<Job> builder, GroupScenario s) {
            builder.intake(s.intake());
        }

        @Override
        public void submit(ConsumerGroup<Job> group, Job job) throws InterruptedException {
            group.submit(job);
        }

        @Override
        public void closed() {
        }

        @Override
        public List<Job> left() {
            return List.of();
        }
    }

    /**
     * A queue the group takes from: submitters {@code offer} with a back-off until the group is
     * closed, and what the group did not take stays in the queue. Once the group has closed, the
     * feed takes over its consumer role: it empties the queue then, so that a submitter in the
     * middle of an insertion finds room and returns, and again when the submitters have finished.
     */
    final class Source implements GroupFeed {

        private final IntFunction<MessageQueue<Job>> queues;
        private MessageQueue<Job> queue;
        private volatile boolean closed;
        /** Used by the thread that closes the group only. */
        private final List<Job> left = new ArrayList<>();

        /** A feed through the queue {@code queues} makes for a capacity. */
        Source(IntFunction<MessageQueue<Job>> queues) {
            this.queues = queues;
        }

        @Override
        public void attach(ConsumerGroupBuilder<Job> builder, GroupScenario s) {
            queue = queues.apply(s.intake());
            builder.source(queue);
        }

        @Override
        public void submit(ConsumerGroup<Job> group, Job job) {
            for (int round = 0; closed || !queue.offer(job); round++) {
                if (closed) {
                    throw new IllegalStateException("the group is closed");
                }
                TestThreads.backOff(round);
            }
        }

        @Override
        public void closed() {
            closed = true;
            queue.drain(left::add, Integer.MAX_VALUE);
        }

        @Override
        public List<Job> left() {
            queue.drain(left::add, Integer.MAX_VALUE);
            return List.copyOf(left);
        }
    }
}
