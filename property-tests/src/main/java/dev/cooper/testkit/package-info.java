/**
 * A small property-testing engine for message pipelines, run from JUnit 5.
 *
 * <h2>Generators and shrinking</h2>
 * A {@link dev.cooper.testkit.Gen} turns choices drawn from a {@link dev.cooper.testkit.Source}
 * into a value. Runs record their choices; a failing run is shrunk by editing the choice
 * sequence (deleting spans and blocks, zeroing, binary-searching single choices towards 0,
 * sorting) and generating again, so {@code map}, {@code flatMap}, {@code filter} and
 * hand-written generators all shrink without writing a shrinker. Generators are built so that
 * smaller choices give simpler values.
 *
 * <h2>Derivation</h2>
 * {@link dev.cooper.testkit.Gen#of(Class)} and {@link dev.cooper.testkit.Derivation} derive
 * generators for records, enums, sealed hierarchies and Immutables value types, with overrides
 * per type and per component, and a depth bound for recursive types.
 *
 * <h2>Properties</h2>
 * {@link dev.cooper.testkit.Property} runs a check over many values, each try from a seed it
 * reports; a failure is shrunk and thrown as a {@link dev.cooper.testkit.PropertyFailure} that
 * says how to replay it ({@code -Dcooper.seed=...}). The {@code cooper.tries} system property
 * sets the default number of tries. Nondeterministic (concurrent) checks rerun each candidate.
 * <pre>{@code
 * Property.forAll(Gen.ints(0, 1000).list(0, 50))
 *         .tries(200)
 *         .check(list -> assertTrue(list.stream().allMatch(x -> x < 500)));
 * }</pre>
 *
 * <h2>Delivery</h2>
 * A {@link dev.cooper.testkit.DeliveryLog} records sends and receptions from many threads at
 * little cost and checks exactly-once delivery and per-producer order, reporting each
 * {@link dev.cooper.testkit.Violation} by message in a {@link dev.cooper.testkit.DeliveryReport}.
 * A {@link dev.cooper.testkit.Schedule} generates producer/consumer counts, capacities, message
 * mixes and pauses for concurrent scenarios, and shrinks like any other value.
 */
package dev.cooper.testkit;
