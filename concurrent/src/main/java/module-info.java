/**
 * The containers typed messages flow through: queues ({@link dev.cooper.concurrent.queue}),
 * Go-style channels with select ({@link dev.cooper.concurrent.channel}), and consumer groups and
 * broadcast ({@link dev.cooper.concurrent.consumer}).
 */
module dev.cooper.concurrent {
    // Consumer groups count per case with Cases and accept Handler tables.
    requires transitive dev.cooper.variant;

    exports dev.cooper.concurrent.queue;
    exports dev.cooper.concurrent.channel;
    exports dev.cooper.concurrent.consumer;
    // dev.cooper.concurrent.internal is not exported: services between this module's packages.
}
