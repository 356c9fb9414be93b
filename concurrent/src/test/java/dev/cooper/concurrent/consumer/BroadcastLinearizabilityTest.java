package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lincheck model checking of the non-blocking operations of {@link Broadcast} — the writer's
 * {@code tryPublish} and {@code close}, each reader's {@code poll()}, {@code isDone()},
 * {@code dropped()} and {@code close()} — against {@link Spec}, a sequential broadcast: the
 * log of published messages, and per reader the sequence of the next message it will receive.
 * Lincheck's model checking runs the interleavings of a sequentially consistent memory: it
 * checks the algorithm's logic, not whether its plain, acquire and release accesses suffice.
 *
 * <p>Two readers join in the constructor of {@link Operations}, before the scenario starts.
 * The writer's operations form one non-parallel group and each reader's {@code poll},
 * {@code isDone} and {@code dropped} another, as a broadcast has one writer and a reader is
 * used by one thread at a time. A reader's {@code close}, allowed on any thread, runs here on
 * the writer's: it is two steps (mark the reader left, then deregister it), so a
 * {@code tryPublish} concurrent with it may still be held back by the leaving reader, and
 * {@code readers()} may still count it after its {@code isDone()} turned true; both are
 * harmless and no sequential specification has them, so {@code readers()} is left out and
 * {@code close} is not run in parallel with the writer. The blocking {@code publish} and
 * {@code receive} are checked by {@link BroadcastBlockingLinearizabilityTest}, on scenarios
 * built so that their legitimate waits (which Lincheck's own random scenarios would report as
 * hangs) always end. Left out of both: {@code poll(Duration)}, and {@code join} during the
 * scenario, whose specification is deliberately loose (a reader may or may not receive the
 * messages published during the call).
 *
 * <p>Under {@link Overflow#DROP_OLDEST_FOR_LAGGING_READER} a reader learns of its losses when
 * it next takes a message: {@code dropped()} counts the messages skipped by the reader's
 * {@code poll} calls so far, not the messages overwritten in the ring. The specification
 * models exactly that (the ring holds the newest {@code capacity} messages; {@code poll}
 * first skips to the oldest of them).
 *
 * <p>Both overflow policies are checked with rings of 1 and 2 slots; {@code -Dcooper.stress=true}
 * runs ten times as many scenarios, each with one more operation per thread. This check found
 * two races, since fixed: a reader of a one-slot ring under the drop policy skipping to a
 * message claimed but not yet written (it returned the old message as the new one, and lost
 * the new one), and a {@code poll} racing a {@code Reader.close} on another thread (it returned a message published after the close;
 * under {@code BLOCK_WRITER} that message could also overwrite the one being read). A
 * deliberately wrong specification, in which a reader takes the newest message first, shows
 * that the configuration does catch a violation.
 */
class BroadcastLinearizabilityTest {
    private static final boolean STRESS = Boolean.getBoolean("cooper.stress");
    /** What the operations and the specification build; set before each check. */
    private static volatile int capacity;
    private static volatile Overflow overflow;

    @ParameterizedTest(name = "{1}, capacity {0}")
    @CsvSource({"1, BLOCK_WRITER", "2, BLOCK_WRITER",
            "1, DROP_OLDEST_FOR_LAGGING_READER", "2, DROP_OLDEST_FOR_LAGGING_READER"})
    void nonBlockingOperationsAreLinearizable(int capacity, Overflow overflow) {
        BroadcastLinearizabilityTest.capacity = capacity;
        BroadcastLinearizabilityTest.overflow = overflow;
        modelChecking(Spec.class).check(Operations.class);
    }

    /**
     * {@code Reader.drain} under {@link Overflow#BLOCK_WRITER} as one operation: a drain of
     * two takes what a sequence of two polls at one instant would, however it interleaves with
     * the writer. Each reader closes on its own thread here: a close from another thread may
     * end a drain early (its javadoc says so), which no sequential specification has. Under
     * the drop policy a drain is a sequence of polls, as its javadoc says, and is not checked
     * as one operation. A ring of one slot, where every message the writer gets ahead
     * overwrites one a drain may still need: a drain that told the writer its sequence before
     * reading the slots failed here, and passed with two slots.
     */
    @Test
    void drainsAreLinearizable() {
        BroadcastLinearizabilityTest.capacity = 1;
        BroadcastLinearizabilityTest.overflow = Overflow.BLOCK_WRITER;
        modelChecking(Spec.class).check(DrainOperations.class);
    }

    @Test
    void theCheckCatchesAReaderTakingTheNewestMessageFirst() {
        capacity = 2;
        overflow = Overflow.BLOCK_WRITER;
        LincheckAssertionError error = assertThrows(LincheckAssertionError.class,
                () -> modelChecking(NewestFirstSpec.class).check(Operations.class));
        assertTrue(error.getMessage().contains("Invalid execution results"), error.getMessage());
    }

    /**
     * 3 threads of 3 operations (4 under stress) between 2 sequential ones before and 1
     * after; 30 scenarios (300 under stress) of 200 interleavings.
     */
    private static ModelCheckingOptions modelChecking(Class<?> spec) {
        return new ModelCheckingOptions()
                .sequentialSpecification(spec)
                .threads(3)
                .actorsPerThread(STRESS ? 4 : 3)
                .actorsBefore(2)
                .actorsAfter(1)
                .iterations(STRESS ? 300 : 30)
                .invocationsPerIteration(200);
    }

    /** The operations under test; Lincheck builds one per invocation. */
    @Param(name = "message", gen = IntGen.class, conf = "1:5")
    public static class Operations {
        private final Broadcast<Integer> broadcast = Broadcast.create(capacity, overflow);
        private final Broadcast.Reader<Integer> first = broadcast.join();
        private final Broadcast.Reader<Integer> second = broadcast.join();

        @Operation(nonParallelGroup = "writer")
        public boolean tryPublish(@Param(name = "message") int message) {
            return broadcast.tryPublish(message);
        }

        @Operation(nonParallelGroup = "writer")
        public void close() {
            broadcast.close();
        }

        @Operation(nonParallelGroup = "first")
        public Integer poll0() {
            return first.poll();
        }

        @Operation(nonParallelGroup = "first")
        public boolean isDone0() {
            return first.isDone();
        }

        @Operation(nonParallelGroup = "first")
        public long dropped0() {
            return first.dropped();
        }

        @Operation(nonParallelGroup = "writer")
        public void leave0() {
            first.close();
        }

        @Operation(nonParallelGroup = "second")
        public Integer poll1() {
            return second.poll();
        }

        @Operation(nonParallelGroup = "second")
        public boolean isDone1() {
            return second.isDone();
        }

        @Operation(nonParallelGroup = "second")
        public long dropped1() {
            return second.dropped();
        }

        @Operation(nonParallelGroup = "writer")
        public void leave1() {
            second.close();
        }
    }

    /** The operations of the drain check; Lincheck builds one per invocation. */
    @Param(name = "message", gen = IntGen.class, conf = "1:5")
    public static class DrainOperations {
        private final Broadcast<Integer> broadcast = Broadcast.create(capacity, overflow);
        private final Broadcast.Reader<Integer> first = broadcast.join();
        private final Broadcast.Reader<Integer> second = broadcast.join();

        @Operation(nonParallelGroup = "writer")
        public boolean tryPublish(@Param(name = "message") int message) {
            return broadcast.tryPublish(message);
        }

        @Operation(nonParallelGroup = "writer")
        public void close() {
            broadcast.close();
        }

        @Operation(nonParallelGroup = "first")
        public List<Integer> drainTwo0() {
            List<Integer> got = new ArrayList<>();
            first.drain(got::add, 2);
            return got;
        }

        @Operation(nonParallelGroup = "first")
        public Integer poll0() {
            return first.poll();
        }

        @Operation(nonParallelGroup = "first")
        public void leave0() {
            first.close();
        }

        @Operation(nonParallelGroup = "second")
        public List<Integer> drainTwo1() {
            List<Integer> got = new ArrayList<>();
            second.drain(got::add, 2);
            return got;
        }

        @Operation(nonParallelGroup = "second")
        public Integer poll1() {
            return second.poll();
        }

        @Operation(nonParallelGroup = "second")
        public void leave1() {
            second.close();
        }
    }

    /** A wrong specification: a reader takes the newest unread message and skips the rest. */
    public static class NewestFirstSpec extends Spec {
        @Override
        Integer take(ReaderState reader) {
            if (reader.left || reader.next >= log.size()) {
                return null;
            }
            reader.next = log.size();
            return log.get(log.size() - 1);
        }
    }

    /** The sequential broadcast. */
    public static class Spec {
        final List<Integer> log = new ArrayList<>();
        private final int capacity = BroadcastLinearizabilityTest.capacity;
        private final Overflow overflow = BroadcastLinearizabilityTest.overflow;
        private final ReaderState[] readers = {new ReaderState(), new ReaderState()};
        private boolean closed;

        public boolean tryPublish(int message) {
            if (closed) {
                throw new IllegalStateException("broadcast is closed");
            }
            if (overflow == Overflow.BLOCK_WRITER) {
                for (ReaderState r : readers) {
                    if (!r.left && log.size() - r.next >= capacity) {
                        return false;
                    }
                }
            }
            log.add(message);
            return true;
        }

        public void close() {
            closed = true;
        }

        public Integer poll0() {
            return take(readers[0]);
        }

        public boolean isDone0() {
            return isDone(readers[0]);
        }

        public long dropped0() {
            return readers[0].dropped;
        }

        public void leave0() {
            readers[0].left = true;
        }

        public Integer poll1() {
            return take(readers[1]);
        }

        public boolean isDone1() {
            return isDone(readers[1]);
        }

        public List<Integer> drainTwo0() {
            return drainTwo(readers[0]);
        }

        public List<Integer> drainTwo1() {
            return drainTwo(readers[1]);
        }

        /** Two polls at one instant, stopping at the first that finds nothing. */
        private List<Integer> drainTwo(ReaderState reader) {
            List<Integer> got = new ArrayList<>();
            Integer message;
            while (got.size() < 2 && (message = take(reader)) != null) {
                got.add(message);
            }
            return got;
        }

        public long dropped1() {
            return readers[1].dropped;
        }

        public void leave1() {
            readers[1].left = true;
        }

        /** The reader's next message: under the drop policy, first skip what the ring lost. */
        Integer take(ReaderState reader) {
            if (reader.left || reader.next >= log.size()) {
                return null;
            }
            int oldest = log.size() - capacity;
            if (reader.next < oldest) {
                reader.dropped += oldest - reader.next;
                reader.next = oldest;
            }
            return log.get(reader.next++);
        }

        private boolean isDone(ReaderState reader) {
            return reader.left || closed && reader.next >= log.size();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec other && closed == other.closed && log.equals(other.log)
                    && Arrays.equals(readers, other.readers);
        }

        @Override
        public int hashCode() {
            return Objects.hash(closed, log, Arrays.hashCode(readers));
        }
    }

    /** One reader in the specification: the sequence it takes next, its losses, whether it left. */
    static final class ReaderState {
        int next;
        long dropped;
        boolean left;

        @Override
        public boolean equals(Object o) {
            return o instanceof ReaderState other && next == other.next && dropped == other.dropped
                    && left == other.left;
        }

        @Override
        public int hashCode() {
            return Objects.hash(next, dropped, left);
        }
    }
}
