package dev.cooper.bench.flow;

import dev.cooper.bench.flow.FlowOptions.Target;
import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.consumer.CloseReport;
import dev.cooper.concurrent.consumer.ConsumerGroup;
import dev.cooper.concurrent.consumer.ConsumerGroupBuilder;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.testkit.DeliveryLog;
import dev.cooper.testkit.DeliveryReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;

/**
 * One target of the flow: producers stamp generated messages and put them into the target's
 * queue (or channel), a consumer group handles them with a {@code switch} over the sealed type,
 * and afterwards the delivery log is checked. Platform threads produce; the group's workers are
 * virtual threads.
 */
final class FlowRun {
    private final Target target;
    private final FlowOptions options;
    private final long messages;
    private final OrderFlow[] templates;
    private final Progress progress;
    /** Makes the queue of a queue target, given the capacity; null for the channel. */
    private final IntFunction<MessageQueue<OrderFlow>> queues;

    /** A run of {@code messages} messages (the measured count, or the warm-up's). */
    FlowRun(Target target, FlowOptions options, long messages, OrderFlow[] templates, Progress progress) {
        this(target, options, messages, templates, progress, target.isChannel() ? null : target.kind()::create);
    }

    /**
     * A run through the queues {@code queues} makes (given the capacity) instead of the target's
     * kind: how a test puts a faulty queue under the flow.
     */
    FlowRun(Target target, FlowOptions options, long messages, OrderFlow[] templates, Progress progress,
            IntFunction<MessageQueue<OrderFlow>> queues) {
        this.target = target;
        this.options = options;
        this.messages = messages;
        this.templates = templates;
        this.progress = progress;
        this.queues = queues;
    }

    int producers() {
        return target.isChannel() || target.kind().multiProducer() ? options.producers() : 1;
    }

    int consumers() {
        return target.isChannel() || target.kind().multiConsumer() ? options.consumers() : 1;
    }

    FlowResult run() throws InterruptedException {
        int producers = producers();
        int consumers = consumers();
        // Exactly the count asked for: the first (messages % producers) producers send one more.
        long total = messages;
        DeliveryLog<OrderFlow> log = DeliveryLog.create(producers, consumers,
                m -> m.header().producer(), m -> m.header().seq());
        Lanes lanes = new Lanes(log, consumers);

        MessageQueue<OrderFlow> queue = target.isChannel() ? null : queues.apply(options.capacity());
        Channel<OrderFlow> channel = target.isChannel() ? Channel.buffered(options.capacity()) : null;
        ConsumerGroupBuilder<OrderFlow> builder = ConsumerGroup.builder(OrderFlow.class)
                .name("flow-" + target.name())
                .workers(consumers)
                .handler(lanes::handle);
        ConsumerGroup<OrderFlow> group = (queue != null ? builder.source(queue) : builder.source(channel)).start();

        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        AtomicLongArray sentCounts = new AtomicLongArray(producers);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            long count = messages / producers + (p < messages % producers ? 1 : 0);
            threads.add(Thread.ofPlatform().name("flow-producer-" + p).start(() ->
                    produce(producer, count, deadline, log, queue, channel, sentCounts)));
        }
        StallWatch watch = new StallWatch(options.stallLimit());
        long handled = 0;
        waitForProducers:
        for (Thread t : threads) {
            // stats() reads every worker's counters: twice a second for the stall watch, more
            // often only for a progress line someone sees.
            while (!t.join(Duration.ofMillis(progress.live() ? 50 : 500))) {
                handled = group.stats().handled();
                progress.update(target.name(), handled, total);
                if (watch.stalled(handled)) {
                    break waitForProducers;
                }
            }
        }
        if (watch.hasStalled()) {
            // The producers wait in put (or send): an interrupt stops them, and the message each
            // was putting is not in the queue, nor in the log.
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        long sent = 0;
        for (int p = 0; p < producers; p++) {
            sent += sentCounts.get(p);
        }
        if (channel != null) {
            channel.close();   // the group ends by itself once the channel is drained
        }
        while (!watch.hasStalled() && (handled = group.stats().handled()) < sent && !group.isTerminated()) {
            progress.update(target.name(), handled, total);
            if (!watch.stalled(handled)) {
                Thread.sleep(1);
            }
        }
        long end = System.nanoTime();
        // A stalled group may never drain: close it at once, and what it still holds is returned.
        CloseReport<OrderFlow> report = watch.hasStalled() ? group.closeNow() : group.close(Duration.ofSeconds(30));
        progress.done();

        DeliveryReport<OrderFlow> delivery = log.check(DeliveryLog.Ordering.PER_PRODUCER);
        LatencyHistogram latency = lanes.latency();
        long violations = delivery.violations().size();
        String first = delivery.violations().isEmpty() ? "" : delivery.violations().get(0).toString();
        boolean balanced = report.accepted() == report.handled() + report.deadLettered() + report.returned().size()
                && report.handled() == sent && report.returned().isEmpty();
        if (!balanced) {
            violations++;
            first = first.isEmpty() ? "close report does not balance: " + report : first;
        }
        if (watch.hasStalled()) {
            // First, as it says why the run ended where it did; the delivery check says what was lost.
            violations++;
            first = String.format(Locale.ROOT, "stalled: no message handled for %d s, with %,d of the %,d sent "
                    + "not handled%s", options.stallLimit().toSeconds(), sent - report.handled(), sent,
                    first.isEmpty() ? "" : "; then " + first);
        }
        // A run the time limit cut short checked only what was sent: the checks column says so.
        String checks = sent == total ? FlowResult.CHECKS
                : String.format(Locale.ROOT, "%s, over the %,d of %,d messages sent before the %s",
                        FlowResult.CHECKS, sent, total, watch.hasStalled() ? "stall" : "time limit");
        return new FlowResult(target.name(), target.shape(), producers, consumers, sent,
                (end - start) / 1e9, latency.percentile(0.50), latency.percentile(0.99),
                latency.percentile(0.999), checks, violations, first);
    }

    private void produce(int producer, long count, long deadline, DeliveryLog<OrderFlow> log,
                         MessageQueue<OrderFlow> queue, Channel<OrderFlow> channel, AtomicLongArray sentCounts) {
        int mask = templates.length - 1;
        long seq = 0;
        try {
            for (; seq < count; seq++) {
                if ((seq & 1023) == 0 && System.nanoTime() - deadline > 0) {
                    break;
                }
                OrderFlow message = templates[(int) (seq * 31 + producer) & mask]
                        .withHeader(new OrderFlow.Header(producer, seq, System.nanoTime()));
                if (queue != null) {
                    queue.put(message);
                } else {
                    channel.send(message);
                }
                // After the put: a put that an interrupt (a stall) stopped sent nothing. The
                // log's lanes are only read once every thread is joined, so a consumer may log
                // its reception first.
                log.sent(producer, seq, message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sentCounts.set(producer, seq);
        }
    }

    /**
     * Gives each worker thread a consumer id of the delivery log and a latency histogram of
     * its own, on the first message it handles.
     */
    private static final class Lanes {
        private final DeliveryLog<OrderFlow> log;
        private final AtomicInteger nextId = new AtomicInteger();
        private final LatencyHistogram[] histograms;
        private final ThreadLocal<Lane> lane;

        Lanes(DeliveryLog<OrderFlow> log, int consumers) {
            this.log = log;
            this.histograms = new LatencyHistogram[consumers];
            this.lane = ThreadLocal.withInitial(() -> {
                int id = nextId.getAndIncrement();
                histograms[id] = new LatencyHistogram();
                return new Lane(id, histograms[id]);
            });
        }

        void handle(OrderFlow message) {
            long now = System.nanoTime();
            Lane l = lane.get();
            l.histogram.record(now - message.header().sentNanos());
            // The work of a real consumer, as a switch over the sealed type.
            long checksum = switch (message) {
                case OrderFlow.NewOrder o -> o.orderId() ^ o.priceTicks() * o.quantity();
                case OrderFlow.Cancel c -> c.orderId() + c.reason().length();
                case OrderFlow.Fill f -> f.orderId() ^ f.priceTicks() * f.quantity();
                case OrderFlow.Heartbeat h -> h.venue();
            };
            l.checksum += checksum;
            log.received(l.id, message);
        }

        /** Call after the group has terminated: the lanes' writers are joined. */
        LatencyHistogram latency() {
            LatencyHistogram all = new LatencyHistogram();
            for (LatencyHistogram h : histograms) {
                if (h != null) {
                    all.addAll(h);
                }
            }
            return all;
        }
    }

    private static final class Lane {
        final int id;
        final LatencyHistogram histogram;
        long checksum;

        Lane(int id, LatencyHistogram histogram) {
            this.id = id;
            this.histogram = histogram;
        }
    }

    /**
     * Notices a run that stopped moving: the group's handled count has not changed for the
     * stall limit. Read by the one thread that runs the flow.
     */
    private static final class StallWatch {
        private final long limitNanos;
        private long lastHandled = -1;
        private long since;
        private boolean stalled;

        StallWatch(Duration limit) {
            this.limitNanos = limit.toNanos();
        }

        /** Whether {@code handled}, the count read now, has stood still for the stall limit. */
        boolean stalled(long handled) {
            long now = System.nanoTime();
            if (handled != lastHandled) {
                lastHandled = handled;
                since = now;
            } else if (now - since >= limitNanos) {
                stalled = true;
            }
            return stalled;
        }

        boolean hasStalled() {
            return stalled;
        }
    }
}
