package dev.cooper.testkit;

/** A test message carrying its identity: producer and sequence number, and a payload. */
record Envelope<P>(int producer, long seq, P payload) {

    static <P> DeliveryLog<Envelope<P>> log(int producers, int consumers) {
        return DeliveryLog.create(producers, consumers, Envelope::producer, Envelope::seq);
    }
}
