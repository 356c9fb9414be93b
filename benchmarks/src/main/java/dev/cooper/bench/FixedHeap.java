package dev.cooper.bench;

/**
 * The heap every forked benchmark JVM runs on: a fixed size, each page touched once at start-up
 * (decision 0019). A benchmark that allocates per message (the linked queues, the JDK's
 * linked queues, unbounded channels) otherwise grows the heap while it is measured. On this
 * project's benchmark machine, a VM, the first touch of each new page then costs a page fault,
 * and a fork that grows its heap late drops for a second or more to a fraction of its speed
 * (MPMC_LINKED's blocking put/take to 20 M ops/s from 150; RESULTS.md, "MPMC_LINKED's low
 * mode"). That measures the heap's growth, not the queue, and it hits only the contestants that
 * allocate. Every benchmark prepends these flags to its forks, so each implementation runs on
 * the same heap, and a {@code -jvmArgsAppend} given on the command line (a profiler, JFR) adds
 * to them instead of replacing them.
 */
final class FixedHeap {
    /** The initial heap: as large as the maximum, so the heap never grows. */
    static final String INITIAL = "-Xms4g";
    /** The maximum heap: room for the unbounded kinds' backlog (a fork grew to 1.8 GB unfixed). */
    static final String MAXIMUM = "-Xmx4g";
    /** Touches every page of the heap before the benchmark starts: about 4 s per fork here. */
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    private FixedHeap() {
    }
}
