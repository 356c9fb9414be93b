package dev.cooper.variant;

import org.immutables.value.Value;

/** An Immutables case: sealed, permitting only the generated implementation. */
@Value.Immutable
sealed interface Order extends Msg.Sub permits ImmutableOrder {
    String item();

    int quantity();
}
