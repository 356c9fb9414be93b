/**
 * The cooper testkit: generators with integrated shrinking, derivation from types, seeded
 * properties, delivery checks and concurrent schedules. See {@link dev.cooper.testkit}.
 */
module dev.cooper.testkit {
    // The check runner discards values on opentest4j's TestAbortedException (JUnit assumptions).
    requires org.opentest4j;
    // Derivation walks sealed hierarchies with Cases (from variant, which concurrent re-exports);
    // schedules and delivery checks are about cooper's containers.
    requires transitive dev.cooper.concurrent;

    exports dev.cooper.testkit;
}
