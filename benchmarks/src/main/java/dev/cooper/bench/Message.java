package dev.cooper.bench;

/**
 * The element the queue and channel benchmarks pass around: a small message, allocated once
 * per benchmark state and sent again and again, so that the benchmarks measure the container
 * and not the allocator.
 *
 * @param id an arbitrary number, so the message is not an empty object
 */
record Message(long id) {
}
