package dev.cooper.properties;

import org.immutables.value.Value;

/** The Immutables case of {@link Event}: sealed, permitting only the generated class. */
@Value.Immutable
sealed interface Shipment extends Event permits ImmutableShipment {

    String id();

    int parcels();
}
