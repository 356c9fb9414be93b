package dev.cooper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The checker finds each kind of violation on hand-made logs, and a real concurrent log is complete. */
class DeliveryLogTest {

    private static Envelope<String> m(int producer, long seq) {
        return new Envelope<>(producer, seq, "m" + producer + "." + seq);
    }

    /** Two producers sending three messages each. */
    private static DeliveryLog<Envelope<String>> sentTwoByThree(int consumers) {
        DeliveryLog<Envelope<String>> log = Envelope.log(2, consumers);
        for (int p = 0; p < 2; p++) {
            for (long s = 0; s < 3; s++) {
                log.sent(p, s, m(p, s));
            }
        }
        return log;
    }

    @Test
    void correctLogIsClean() {
        DeliveryLog<Envelope<String>> log = sentTwoByThree(2);
        // Interleaved producers, split across consumers, each producer in order at each consumer.
        log.received(0, m(0, 0));
        log.received(1, m(1, 0));
        log.received(0, m(1, 1));
        log.received(1, m(0, 1));
        log.received(0, m(0, 2));
        log.received(1, m(1, 2));
        DeliveryReport<Envelope<String>> report = log.check();
        assertTrue(report.isClean(), report.summary());
        assertEquals(6, report.sent());
        assertEquals(6, report.received());
        report.assertClean();
        assertEquals("delivery clean: 6 sent, 6 received (lost 0, duplicated 0, unexpected 0, reordered 0)",
                report.summary());
    }

    @Test
    void lostMessageIsReported() {
        DeliveryLog<Envelope<String>> log = sentTwoByThree(1);
        log.received(0, m(0, 0));
        log.received(0, m(0, 2));
        log.received(0, m(1, 0));
        log.received(0, m(1, 1));
        log.received(0, m(1, 2));
        assertEquals(List.of(new Violation.Lost<>(0, 1, m(0, 1))), log.check().violations());
    }

    @Test
    void duplicatedMessageIsReportedWithItsCountAndConsumers() {
        DeliveryLog<Envelope<String>> log = sentTwoByThree(2);
        for (int p = 0; p < 2; p++) {
            for (long s = 0; s < 3; s++) {
                log.received(0, m(p, s));
            }
        }
        log.received(1, m(1, 2));
        log.received(0, m(1, 2));
        assertEquals(List.of(new Violation.Duplicated<>(1, 2, m(1, 2), 3, List.of(0, 0, 1))),
                log.check().violations());
    }

    @Test
    void unexpectedMessageIsReported() {
        DeliveryLog<Envelope<String>> log = sentTwoByThree(1);
        for (int p = 0; p < 2; p++) {
            for (long s = 0; s < 3; s++) {
                log.received(0, m(p, s));
            }
        }
        log.received(0, m(0, 7));
        log.received(0, m(5, 0));
        assertEquals(List.of(new Violation.Unexpected<>(0, m(0, 7)), new Violation.Unexpected<>(0, m(5, 0))),
                log.check().violations());
    }

    @Test
    void reorderingIsReportedPerProducerAndConsumer() {
        DeliveryLog<Envelope<String>> log = sentTwoByThree(2);
        log.received(0, m(0, 0));
        log.received(0, m(0, 2));
        log.received(0, m(0, 1));     // sent before (0, 2), received after it
        log.received(1, m(1, 1));
        log.received(1, m(1, 0));     // sent before (1, 1), received after it
        log.received(0, m(1, 2));     // consumer 0 sees only this one of producer 1: in order
        DeliveryReport<Envelope<String>> report = log.check();
        assertEquals(List.of(new Violation.Reordered<>(0, 0, m(0, 1), m(0, 2)),
                new Violation.Reordered<>(1, 1, m(1, 0), m(1, 1))), report.violations());
        assertTrue(log.check(DeliveryLog.Ordering.NONE).isClean());
    }

    @Test
    void assertCleanSummarisesTheViolations() {
        DeliveryLog<Envelope<String>> log = Envelope.log(1, 1);
        for (long s = 0; s < 30; s++) {
            log.sent(0, s, m(0, s));
        }
        log.received(0, m(0, 29));
        log.received(0, m(0, 29));
        AssertionError e = assertThrows(AssertionError.class, () -> log.check().assertClean());
        String[] lines = e.getMessage().split("\n");
        assertEquals("delivery check failed: 30 violations in 30 sent, 2 received "
                + "(lost 29, duplicated 1, unexpected 0, reordered 0)", lines[0]);
        assertEquals("  LOST       producer 0 seq 0: Envelope[producer=0, seq=0, payload=m0.0]", lines[1]);
        assertEquals(1 + DeliveryReport.SHOWN + 1, lines.length);
        assertEquals("  ... and 10 more", lines[lines.length - 1]);
        assertEquals(29, log.check().count(Violation.Lost.class));
    }

    @Test
    void inconsistentLogIsRefused() {
        DeliveryLog<Envelope<String>> twice = Envelope.log(1, 1);
        twice.sent(0, 1, m(0, 1));
        twice.sent(0, 1, m(0, 1));
        assertEquals("producer 0 sent seq 1 twice",
                assertThrows(IllegalStateException.class, twice::check).getMessage());
        DeliveryLog<Envelope<String>> mislabelled = Envelope.log(2, 1);
        mislabelled.sent(1, 4, m(0, 4));
        assertTrue(assertThrows(IllegalStateException.class, mislabelled::check).getMessage()
                .startsWith("message sent as producer 1 seq 4 carries producer 0 seq 4"));
        assertEquals("consumer: 3 (expected: 0..0)",
                assertThrows(IllegalArgumentException.class, () -> mislabelled.received(3, m(0, 0))).getMessage());
        assertEquals("message is null",
                assertThrows(NullPointerException.class, () -> mislabelled.sent(0, 0, null)).getMessage());
    }

    @Test
    void concurrentLogRecordsEverySendAndReception() throws InterruptedException {
        int producers = 4;
        int consumers = 3;
        int perProducer = 20_000;
        DeliveryLog<Envelope<String>> log = Envelope.log(producers, consumers);
        BlockingQueue<Envelope<String>> queue = new ArrayBlockingQueue<>(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (long s = 0; s < perProducer; s++) {
                        Envelope<String> e = new Envelope<>(id, s, "x");
                        log.sent(id, s, e);
                        queue.put(e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        int total = producers * perProducer;
        int[] share = {total / consumers + total % consumers, total / consumers, total / consumers};
        for (int c = 0; c < consumers; c++) {
            int id = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < share[id]; i++) {
                        log.received(id, queue.take());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(60_000);   // hang guard only
            assertTrue(!t.isAlive(), "thread finished");
        }
        DeliveryReport<Envelope<String>> report = log.check();
        assertEquals(total, report.sent());
        assertEquals(total, report.received());
        report.assertClean();
    }

    /**
     * A consumer that receives a producer's messages out of order is reported, also when one
     * of them is a duplicate that another consumer received first.
     */
    @Test
    void aReorderAtAConsumerIsReportedAlsoWhenItGotADuplicate() {
        DeliveryLog<Envelope<String>> log = sentTwoByThree(2);
        for (long s = 0; s < 3; s++) {
            log.received(0, m(1, s));
        }
        log.received(0, m(0, 0));
        log.received(1, m(0, 1));
        log.received(1, m(0, 0));
        log.received(1, m(0, 2));
        DeliveryReport<Envelope<String>> report = log.check();
        assertEquals(1, report.count(Violation.Duplicated.class), report.summary());
        assertEquals(1, report.count(Violation.Reordered.class), report.summary());
    }
}
