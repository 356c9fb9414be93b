package dev.cooper.testkit;

import java.util.Optional;
import org.immutables.value.Value;

/** A plain (not sealed) Immutables value type, derived through its generated ImmutableCustomer. */
@Value.Immutable
interface Customer {

    String name();

    Optional<String> email();

    @Value.Check
    default void check() {
        if (name().isEmpty()) {
            throw new IllegalStateException("name is empty");
        }
    }
}
