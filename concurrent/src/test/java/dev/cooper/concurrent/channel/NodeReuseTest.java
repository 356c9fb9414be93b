package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The waiting nodes are reused (one per thread for plain operations, one per clause for a
 * {@link Select} run again): a node handed back to its thread the moment its operation fires
 * must not carry anything of that operation into the next one, on the same or another channel.
 * Each test makes a thread wait again right after being completed, while its completer may
 * still be inside the channel, and checks every element arrives exactly once and in order.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeReuseTest {
    private static final int ELEMENTS = Boolean.getBoolean("cooper.stress") ? 200_000 : 20_000;

    @Test
    void aSenderAlternatingBetweenRendezvousChannelsDeliversEachElementOnce() throws Exception {
        Channel<Integer> a = Channel.rendezvous();
        Channel<Integer> b = Channel.rendezvous();
        Forked<Void> sender = Forked.run(() -> {
            for (int i = 0; i < ELEMENTS; i++) {
                (i % 2 == 0 ? a : b).send(i); // the next send reuses the node the last one fired
            }
            a.close();
            b.close();
        });
        Forked<List<Integer>> fromA = Forked.fork(() -> drain(a));
        Forked<List<Integer>> fromB = Forked.fork(() -> drain(b));
        sender.join();
        assertEvery(0, fromA.join());
        assertEvery(1, fromB.join());
    }

    @Test
    void aReceiverAlternatingBetweenChannelsWithTimeoutsLosesNothing() throws Exception {
        Channel<Integer> a = Channel.rendezvous();
        Channel<Integer> b = Channel.rendezvous();
        Forked<Void> toA = Forked.run(() -> sendEvery(a, 0));
        Forked<Void> toB = Forked.run(() -> sendEvery(b, 1));
        List<Integer> gotA = new ArrayList<>();
        List<Integer> gotB = new ArrayList<>();
        boolean aOpen = true;
        boolean bOpen = true;
        while (aOpen || bOpen) {
            // Short timed waits: some time out, cancel their node and wait again with it.
            if (aOpen) {
                aOpen = take(a, gotA);
            }
            if (bOpen) {
                bOpen = take(b, gotB);
            }
        }
        toA.join();
        toB.join();
        assertEvery(0, gotA);
        assertEvery(1, gotB);
    }

    @Test
    void aSelectRunAgainAndAgainOverRendezvousChannelsLosesNothing() throws Exception {
        Channel<Integer> a = Channel.rendezvous();
        Channel<Integer> b = Channel.rendezvous();
        List<Integer> gotA = new ArrayList<>();
        List<Integer> gotB = new ArrayList<>();
        boolean[] closed = new boolean[2];
        Select<Boolean> select = Select.<Boolean>select()
                .onReceive(a, x -> gotA.add(x), () -> closed[0] = true)
                .onReceive(b, x -> gotB.add(x), () -> closed[1] = true)
                .onTimeout(Duration.ofNanos(20_000), () -> false);
        Forked<Void> toA = Forked.run(() -> sendEvery(a, 0));
        Forked<Void> toB = Forked.run(() -> sendEvery(b, 1));
        // Each run fires a clause, sees a closed channel, or times out (and withdraws its
        // nodes); all of them reuse the same nodes.
        while (!closed[0] || !closed[1]) {
            select.run();
        }
        toA.join();
        toB.join();
        assertEvery(0, gotA);
        assertEvery(1, gotB);
    }

    private static void sendEvery(Channel<Integer> channel, int parity) throws InterruptedException {
        for (int i = parity; i < ELEMENTS; i += 2) {
            channel.send(i);
        }
        channel.close();
    }

    /** Waits briefly for one element; false once the channel is closed and drained. */
    private static boolean take(Channel<Integer> channel, List<Integer> into) throws InterruptedException {
        return switch (channel.receive(Duration.ofNanos(20_000))) {
            case ReceiveResult.Received<Integer>(Integer x) -> into.add(x);
            case ReceiveResult.Empty<Integer>() -> true;
            case ReceiveResult.Closed<Integer>() -> false;
        };
    }

    private static List<Integer> drain(Channel<Integer> channel) {
        List<Integer> got = new ArrayList<>();
        for (Integer x : channel) {
            got.add(x);
        }
        return got;
    }

    /** Asserts {@code got} is exactly the elements of that parity, in order; names the first difference. */
    private static void assertEvery(int parity, List<Integer> got) {
        int expectedSize = (ELEMENTS - parity + 1) / 2;
        for (int k = 0; k < Math.min(got.size(), expectedSize); k++) {
            if (got.get(k) != parity + 2 * k) {
                fail("element " + k + ": got " + got.get(k) + ", expected " + (parity + 2 * k));
            }
        }
        assertEquals(expectedSize, got.size(), "elements received");
    }
}
