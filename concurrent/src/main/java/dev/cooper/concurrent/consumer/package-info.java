/**
 * Pattern-matching consumers: a {@link dev.cooper.concurrent.consumer.ConsumerGroup} runs a
 * handler (a {@code switch} over a sealed message type, or a {@link dev.cooper.variant.Handler}
 * table) on N workers fed from a {@link dev.cooper.concurrent.queue.MessageQueue}, a
 * {@link dev.cooper.concurrent.channel.Channel} or its own intake, with
 * {@linkplain dev.cooper.concurrent.consumer.Routing routing} (shared, round-robin, by key),
 * {@linkplain dev.cooper.concurrent.consumer.Retry retries}, a
 * {@linkplain dev.cooper.concurrent.consumer.DeadLetter dead-letter} sink, an idle timeout,
 * per-case counters, and a close that accounts for every message it accepted
 * ({@link dev.cooper.concurrent.consumer.CloseReport}).
 *
 * <p>{@link dev.cooper.concurrent.consumer.Broadcast} is the other shape: one writer, many
 * readers that each receive every message in order (Disruptor-style multicast).
 */
package dev.cooper.concurrent.consumer;
