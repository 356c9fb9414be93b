package dev.cooper.properties;

import dev.cooper.testkit.DeliveryLog;

/** What travels through a queue under test: the sender, its sequence number, and an event. */
record Envelope(int producer, long seq, Event event) {

    static DeliveryLog<Envelope> log(int producers, int consumers) {
        return DeliveryLog.create(producers, consumers, Envelope::producer, Envelope::seq);
    }
}
