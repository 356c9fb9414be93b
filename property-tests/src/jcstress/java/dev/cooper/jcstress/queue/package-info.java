/**
 * jcstress tests of the queues' memory ordering, run under {@code -Pstress} (see
 * {@code property-tests/JCSTRESS.md}).
 *
 * <p>Lincheck checks the queues against a sequential specification, and its model checker
 * explores interleavings under sequential consistency: it cannot see a reordering that the
 * Java memory model allows for a release store or an acquire load. jcstress runs the actors
 * on real threads, many millions of times, under several JIT configurations, and counts every
 * outcome; each test marks its outcomes acceptable or forbidden. One class per property, one
 * nested class per queue kind (jcstress needs a concrete class per test); the outcomes and the
 * description sit on the outer class and reach every nested test through
 * {@code @JCStressMeta}.
 */
package dev.cooper.jcstress.queue;
