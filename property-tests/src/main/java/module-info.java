/**
 * The cooper testkit: generators with integrated shrinking, derivation from types, seeded
 * properties, delivery checks and concurrent schedules. See {@link dev.cooper.testkit}.
 */
module dev.cooper.testkit {
    // The check runner discards values on opentest4j's TestAbortedException (JUnit assumptions).
    requires org.opentest4j;
    // Derivation walks sealed hierarchies with Cases.
    requires dev.cooper.variant;

    exports dev.cooper.testkit;
}
