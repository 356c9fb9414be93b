package dev.cooper.testkit;

import java.util.concurrent.CancellationException;
import org.opentest4j.TestAbortedException;

/**
 * Runs a property's generator and check on a source. Failures of the check are outcomes;
 * generation problems are outcomes when replaying (a shrink candidate that makes no value is
 * simply not a counterexample) and errors when random (they are bugs in the test).
 */
final class Trial<T> {

    private final Gen<T> gen;
    private final Check<? super T> check;
    private final int runs;

    Trial(Gen<T> gen, Check<? super T> check, int runs) {
        this.gen = gen;
        this.check = check;
        this.runs = runs;
    }

    /**
     * One run from fresh random choices: passed, failed or discarded.
     *
     * @throws GenerationException when the generator cannot make a value or throws
     */
    Run random(long seed) {
        Source src = Source.random(seed);
        T value;
        try {
            value = gen.generate(src);
        } catch (GenerationException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // An Error too: an AssertionError from a constructor's invariant is a generation
            // problem of the test, not a failure of the property.
            throw new GenerationException("the generator threw " + rethrownIfFatal(e), e);
        }
        return test(src, value);
    }

    /**
     * Replays {@code choices} until the check fails, at most {@code runs} times: for
     * nondeterministic checks, a sequence fails if any of the runs fails.
     */
    Run replay(long[] choices) {
        Run last = null;
        for (int i = 0; i < runs; i++) {
            Source src = Source.replay(choices);
            T value;
            try {
                value = gen.generate(src);
            } catch (RuntimeException | Error e) {
                return new Run(src.choices(), src.spans(), null, new Run.Invalid(rethrownIfFatal(e)));
            }
            last = test(src, value);
            if (!(last.outcome() instanceof Run.Passed)) {
                return last;
            }
        }
        return last;
    }

    /**
     * The value {@code choices} generate, made afresh: what a failure reports, since the check
     * may have changed the value it was given. The run's own value if it cannot be made again.
     */
    Object regenerated(Run run) {
        try {
            return gen.generate(Source.replay(run.choices()));
        } catch (RuntimeException | Error e) {
            rethrownIfFatal(e);
            return run.value();
        }
    }

    private Run test(Source src, T value) {
        Run.Outcome outcome;
        try {
            check.verify(value);
            outcome = new Run.Passed();
        } catch (TestAbortedException e) {
            outcome = new Run.Discarded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException stop = new CancellationException("property interrupted: the check threw InterruptedException");
            stop.initCause(e);
            throw stop;
        } catch (Throwable e) {
            outcome = new Run.Failed(rethrownIfFatal(e));
        }
        return new Run(src.choices(), src.spans(), value, outcome);
    }

    /**
     * {@code e}, unless the JVM itself is failing ({@link VirtualMachineError} such as
     * {@code OutOfMemoryError}), which is thrown on: no run can be judged then. A
     * {@link StackOverflowError} is the code's own, an outcome like any other.
     */
    private static <X extends Throwable> X rethrownIfFatal(X e) {
        if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
            throw fatal;
        }
        return e;
    }
}
