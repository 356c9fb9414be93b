package dev.cooper.concurrent.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/** Runs a few platform threads released at the same moment, for short races on one queue. */
final class Race {

    private Race() {
    }

    /**
     * Starts {@code threads} threads that each wait for a common start signal and then run
     * {@code body} with their index; returns when all have ended, rethrowing the first failure.
     */
    static void run(int threads, IntConsumer body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            actors.add(Actor.start("racer-" + i, () -> {
                start.await();
                body.accept(index);
                return null;
            }));
        }
        start.countDown();
        for (Actor actor : actors) {
            actor.join();
        }
    }
}
