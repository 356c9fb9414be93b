package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adaptive spin budget: full while spins pay off, halved when they run out, probed when used up. */
class SpinBudgetTest {
    private final SpinBudget budget = new SpinBudget();

    @BeforeEach
    void needsSeveralCpus() {
        assumeTrue(SpinBudget.FULL > 0, "no spinning on a single CPU");
    }

    @Test
    void startsFullAndHalvesOnEveryRunOut() {
        int expected = SpinBudget.FULL;
        assertEquals(expected, budget.next());
        while (expected > 0) {
            budget.ranOut(expected);
            expected >>= 1;
            assertEquals(expected, budget.next());
        }
    }

    @Test
    void aSpinThatPaysOffRestoresTheFullBudget() {
        budget.ranOut(budget.next());
        budget.ranOut(budget.next());
        assertEquals(SpinBudget.FULL / 4, budget.next());
        budget.paidOff();
        assertEquals(SpinBudget.FULL, budget.next());
    }

    @Test
    void aUsedUpBudgetProbesWithTheFullBudgetOnceEveryPeriod() {
        while (budget.next() > 0) {
            budget.ranOut(budget.next());
        }
        // next() above returned 0 once: that was the first wait of the period.
        for (int wait = 2; wait < SpinBudget.PROBE_EVERY; wait++) {
            assertEquals(0, budget.next(), "wait " + wait);
        }
        assertEquals(SpinBudget.FULL, budget.next(), "the probe");
        budget.ranOut(SpinBudget.FULL); // the probe failed: stays used up
        assertEquals(0, budget.next());
    }

    @Test
    void aProbeThatPaysOffRestoresSpinning() {
        while (budget.next() > 0) {
            budget.ranOut(budget.next());
        }
        int probe;
        while ((probe = budget.next()) == 0) {
            budget.ranOut(probe); // waits that did not spin change nothing
        }
        budget.paidOff();
        assertEquals(SpinBudget.FULL, budget.next());
        assertEquals(SpinBudget.FULL, budget.next(), "stays full until a spin runs out");
    }
}
