/**
 * jcstress termination tests of the blocking operations, run under {@code -Pstress} (see
 * {@code property-tests/JCSTRESS.md}): no wake-up is ever lost.
 *
 * <p>Every blocking operation here waits by a Dekker-style handshake: the waiter registers,
 * re-checks, and parks; the signaller changes the state, then reads the registration and
 * unparks. Whether one side always sees the other depends on the Java memory model (a release
 * store may sit in a store buffer while the signaller reads no waiter), which Lincheck's model
 * checker does not model; nor can it see a lost unpark at all, since it lets
 * {@code LockSupport.park} return at once. jcstress's {@code Mode.Termination} can: its one
 * {@code @Actor} blocks, its {@code @Signal} performs the one action that must release it, on
 * another thread, and an actor still blocked after a generous timeout is reported as
 * {@code STALE} (a lost wake-up), which these tests forbid.
 *
 * <p>One class per handshake, one nested class per container variant (queue kind, channel
 * kind, overflow policy, releasing operation): jcstress needs a concrete class per test; the
 * outcomes and the description sit on the outer class and reach every nested test through
 * {@code @JCStressMeta}. An actor that finishes with the wrong result throws, which jcstress
 * reports as an error. Every state rolls its container forward first (one element in and
 * out), and every actor aims its blocking call at the moment its signal is expected (see
 * {@link dev.cooper.jcstress.wakeup.Stagger}), so that signals also meet waiters in the middle
 * of their handshake, not only once parked.
 *
 * <p>These tests run in a jcstress run of their own, without thread affinity: jcstress pins a
 * one-actor test to one CPU, where the actor and the signal would never run at the same time.
 */
package dev.cooper.jcstress.wakeup;
