package dev.cooper.properties;

import dev.cooper.concurrent.consumer.Overflow;
import dev.cooper.testkit.Gen;
import java.util.List;
import java.util.Map;

/**
 * A run of one {@code Broadcast}: the writer publishes {@code messages} integers 0, 1, 2, ...
 * in order, then closes; each reader follows its own {@link ReaderPlan}. Shrinks towards the
 * blocking policy, a ring of one, few messages, one reader, plain calls and no pauses.
 *
 * @param overflow  the policy
 * @param capacity  the ring asked for (rounded up to a power of two)
 * @param messages  how many the writer publishes
 * @param write     how the writer publishes
 * @param writerPauseEvery the writer pauses (about 50 us) after every this many publishes; 0 never
 * @param readers   one plan per reader
 */
record BroadcastScenario(Overflow overflow, int capacity, int messages, WriteMode write, int writerPauseEvery,
        List<ReaderPlan> readers) {

    enum WriteMode {
        /** {@code publish(m)}. */
        PUBLISH,
        /** {@code tryPublish(m)}, retried with a back-off. */
        TRY
    }

    enum ReadMode {
        /** {@code receive()} until it throws {@code ChannelClosedException}. */
        RECEIVE,
        /** {@code poll()} with a back-off, until the reader is done. */
        POLL,
        /** {@code poll(100 us)} until the reader is done. */
        TIMED,
        /** {@code drain(consumer, 1..8)}, and {@code receive()} when it took nothing. */
        DRAIN
    }

    /**
     * One reader.
     *
     * @param mode       how it reads
     * @param joinAfter  it joins (from its own thread) once the writer has published at least
     *                   this many; 0 joins before the writer starts
     * @param leaveAfter it closes itself after receiving this many; -1 reads to the end
     * @param pauseEvery it pauses (about 50 us) after every this many messages; 0 never
     * @param batch      the limit of each {@code drain}, in {@code DRAIN} mode
     */
    record ReaderPlan(ReadMode mode, int joinAfter, int leaveAfter, int pauseEvery, int batch) {
    }

    static final int MAX_MESSAGES = 3_000;

    static Gen<BroadcastScenario> gen() {
        Gen<Overflow> overflows = Gen.enumOf(Overflow.class);
        Gen<WriteMode> writes = Gen.enumOf(WriteMode.class);
        Gen<ReadMode> reads = Gen.enumOf(ReadMode.class);
        Gen<Integer> pauses = Gen.frequency(
                Map.entry(2, Gen.constant(0)), Map.entry(1, Gen.ints(1, 200)));
        return src -> {
            Overflow overflow = overflows.generate(src);
            int capacity = Gen.ints(1, 32).generate(src);
            int messages = Gen.ints(0, MAX_MESSAGES).generate(src);
            WriteMode write = writes.generate(src);
            int writerPause = pauses.generate(src);
            Gen<ReaderPlan> plans = s -> new ReaderPlan(reads.generate(s),
                    Gen.frequency(Map.entry(2, Gen.constant(0)),
                            Map.entry(1, Gen.ints(0, messages))).generate(s),
                    Gen.frequency(Map.entry(3, Gen.constant(-1)),
                            Map.entry(1, Gen.ints(0, messages))).generate(s),
                    pauses.generate(s), Gen.ints(1, 8).generate(s));
            return new BroadcastScenario(overflow, capacity, messages, write, writerPause,
                    plans.list(1, 3).generate(src));
        };
    }
}
