package dev.cooper.testkit;

import java.util.List;
import org.immutables.value.Value;

/** An Immutables case of {@link Msg}: sealed, permitting only the generated class. */
@Value.Immutable
sealed interface Order extends Msg permits ImmutableOrder {

    String id();

    List<Item> items();

    int quantity();

    /** An order line. */
    record Item(String sku, int count) {}
}
