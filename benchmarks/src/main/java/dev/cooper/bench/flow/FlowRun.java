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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

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

    /** A run of {@code messages} messages (the measured count, or the warm-up's). */
    FlowRun(Target target, FlowOptions options, long messages, OrderFlow[] templates, Progress progress) {
        this.target = target;
        this.options = options;
        this.messages = messages;
        this.templates = templates;
        this.progress = progress;
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

        MessageQueue<OrderFlow> queue = target.isChannel() ? null : target.kind().create(options.capacity());
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
        for (Thread t : threads) {
            // stats() reads every worker's counters: only for a progress line someone sees.
            while (progress.live() && !t.join(Duration.ofMillis(50))) {
                progress.update(target.name(), group.stats().handled(), total);
            }
            t.join();
        }
        long sent = 0;
        for (int p = 0; p < producers; p++) {
            sent += sentCounts.get(p);
        }
        if (channel != null) {
            channel.close();   // the group ends by itself once the channel is drained
        }
        for (long handled; (handled = group.stats().handled()) < sent && !group.isTerminated(); ) {
            progress.update(target.name(), handled, total);
            Thread.sleep(1);
        }
        long end = System.nanoTime();
        CloseReport<OrderFlow> report = group.close(Duration.ofSeconds(30));
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
        // A run the time limit cut short checked only what was sent: the checks column says so.
        String checks = sent == total ? FlowResult.CHECKS
                : String.format(java.util.Locale.ROOT, "%s, over the %,d of %,d messages sent before the time limit",
                        FlowResult.CHECKS, sent, total);
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
                log.sent(producer, seq, message);
                if (queue != null) {
                    queue.put(message);
                } else {
                    channel.send(message);
                }
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
}
