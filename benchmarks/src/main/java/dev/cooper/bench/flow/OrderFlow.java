package dev.cooper.bench.flow;

import org.immutables.value.Value;

/**
 * The typed messages the flow command pushes through every queue kind: the events of a small
 * order book. Records and an Immutables value type behind one sealed interface, as an
 * application would write them. Every message carries a {@link Header} saying who sent it, as
 * which sequence number and when, so that the flow can check delivery and measure latency.
 */
public sealed interface OrderFlow
        permits OrderFlow.NewOrder, OrderFlow.Cancel, OrderFlow.Fill, OrderFlow.Heartbeat {

    /** Who sent a message, its sequence number on that producer, and when it was sent. */
    record Header(int producer, long seq, long sentNanos) {}

    /** Which side of the book an order is on. */
    enum Side { BUY, SELL }

    Header header();

    /** This message with another header: how a producer stamps a generated message. */
    OrderFlow withHeader(Header header);

    /** A new limit order. */
    record NewOrder(Header header, long orderId, String symbol, Side side, int quantity, long priceTicks)
            implements OrderFlow {
        @Override
        public NewOrder withHeader(Header h) {
            return new NewOrder(h, orderId, symbol, side, quantity, priceTicks);
        }
    }

    /** The cancellation of an order. */
    record Cancel(Header header, long orderId, String reason) implements OrderFlow {
        @Override
        public Cancel withHeader(Header h) {
            return new Cancel(h, orderId, reason);
        }
    }

    /** A liveness signal from a venue. */
    record Heartbeat(Header header, int venue) implements OrderFlow {
        @Override
        public Heartbeat withHeader(Header h) {
            return new Heartbeat(h, venue);
        }
    }

    /** A (partial) execution of an order; an Immutables value type (it writes withHeader). */
    @Value.Immutable
    sealed interface Fill extends OrderFlow permits ImmutableFill {
        long orderId();

        int quantity();

        long priceTicks();
    }
}
