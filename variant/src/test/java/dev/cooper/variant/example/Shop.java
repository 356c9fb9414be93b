package dev.cooper.variant.example;

import org.immutables.value.Value;

/** The README's first example: a sealed message type with record and Immutables cases. */
public sealed interface Shop permits Shop.Ping, Shop.Order, Shop.Payment {

    record Ping(long at) implements Shop {}

    sealed interface Payment extends Shop permits Card, Cash {}

    record Card(String number, long cents) implements Payment {}

    record Cash(long cents) implements Payment {}

    @Value.Immutable
    sealed interface Order extends Shop permits ImmutableOrder {
        String item();

        int quantity();
    }
}
