package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a JVM started with {@code -Dcooper.queue.checkThreads=true}: closes consumer groups
 * over single-consumer sources, many times, and then takes the rest of the source on the main
 * thread, as an application may once the group has terminated. The main thread learns that in
 * turn from its own {@code close}, from {@code awaitTermination} or from {@code isTerminated}
 * while another thread runs {@code closeNow} (so that the close's own wait does not stand in for
 * theirs). The close also takes over the group's own worker queues for its report. With the
 * check on, each take-over is refused if a group thread that held the consumer role is still
 * alive. Prints "ok" and the number of groups closed, or the first failure.
 */
final class GroupCloseRoleProbe {

    private static final int ROUNDS = 40;

    private GroupCloseRoleProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (!Boolean.getBoolean("cooper.queue.checkThreads")) {
            System.out.println("checkThreads is off");
            System.exit(2);
        }
        int closed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (boolean shared : new boolean[] {true, false}) {
                MessageQueue<Msg> source = QueueKind.SPSC_ARRAY.create(64);
                for (int i = 0; i < 40; i++) {
                    source.put(Msg.of(i, 0));
                }
                var group = ConsumerGroup.builder(Msg.class).source(source).workers(shared ? 1 : 2)
                        .routing(shared ? Routing.<Msg>shared() : Routing.<Msg>roundRobin())
                        .handler(msg -> { }).start();
                Thread closer = null;
                switch (round % 3) {
                    case 0 -> group.close(Duration.ofSeconds(10));
                    case 1 -> {
                        closer = Thread.ofPlatform().start(group::closeNow);
                        if (!group.awaitTermination(Duration.ofSeconds(10))) {
                            throw new AssertionError("the group did not terminate");
                        }
                    }
                    default -> {
                        closer = Thread.ofPlatform().start(group::closeNow);
                        while (!group.isTerminated()) {
                            Thread.onSpinWait();
                        }
                    }
                }
                List<Msg> rest = new ArrayList<>();
                source.drainTo(rest); // the main thread takes over the source's consumer role
                if (closer != null) {
                    closer.join();
                }
                closed++;
            }
        }
        System.out.println("ok " + closed);
    }
}
