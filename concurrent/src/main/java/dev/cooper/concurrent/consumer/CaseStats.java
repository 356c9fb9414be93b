package dev.cooper.concurrent.consumer;

/**
 * The counts of one message case (a leaf of the sealed message type, see
 * {@link dev.cooper.variant.Cases}) in a {@link ConsumerGroup}.
 *
 * @param tag the case's tag, its index in {@link GroupStats#cases()}
 * @param name the case's simple class name
 * @param type the case's class
 * @param handled messages of this case the handler accepted without throwing
 * @param failures handler runs on messages of this case that threw (each retry counts)
 * @param deadLettered messages of this case sent to the dead-letter sink
 */
public record CaseStats(int tag, String name, Class<?> type, long handled, long failures, long deadLettered) {
}
