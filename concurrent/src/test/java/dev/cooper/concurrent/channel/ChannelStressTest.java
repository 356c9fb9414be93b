package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many virtual threads at once: selects over shared channels (deadlock freedom of the lock
 * order, no loss or duplication through select clauses) and a long chain of channels. The
 * {@code @Timeout}s are hang guards; {@code -Dcooper.stress=true} scales the sizes up.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChannelStressTest {
    private static final boolean STRESS = Boolean.getBoolean("cooper.stress");

    @Test
    void thousandsOfVirtualThreadsSelectOverSharedChannelsWithoutDeadlockOrLoss() throws Exception {
        int pairs = STRESS ? 10_000 : 1_000; // senders and as many receivers: 2,000 threads
        int sendsEach = 10;
        List<Channel<Integer>> channels = List.of(
                Channel.rendezvous(), Channel.buffered(4), Channel.rendezvous(), Channel.unbounded());
        ConcurrentLinkedQueue<Integer> sent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();

        List<Forked<Void>> senders = new ArrayList<>();
        List<Forked<Void>> receivers = new ArrayList<>();
        for (int t = 0; t < pairs; t++) {
            // Two of the four channels, listed in either order, so lock order != clause order.
            Channel<Integer> first = channels.get(t % 4);
            Channel<Integer> second = channels.get((t + 1 + t / 4 % 2) % 4);
            int base = t * sendsEach;
            senders.add(Forked.run(() -> {
                for (int i = base; i < base + sendsEach; i++) {
                    int value = i;
                    Select.<Boolean>select()
                            .onSend(first, value, () -> sent.add(value))
                            .onSend(second, value, () -> sent.add(value))
                            .run();
                }
            }));
            receivers.add(Forked.run(() -> receiveAll(first, second, received)));
        }
        for (Forked<Void> s : senders) {
            s.join();
        }
        channels.forEach(Channel::close);
        for (Forked<Void> r : receivers) {
            r.join();
        }

        assertEquals(pairs * sendsEach, sent.size());
        Set<Integer> unique = new HashSet<>(received);
        assertEquals(received.size(), unique.size(), "an element was received twice");
        assertEquals(new HashSet<>(sent), unique);
    }

    /** Selects over both channels until each is closed and drained. */
    private static void receiveAll(Channel<Integer> a, Channel<Integer> b,
                                   ConcurrentLinkedQueue<Integer> received) throws InterruptedException {
        boolean aOpen = true;
        boolean bOpen = true;
        while (aOpen && bOpen) {
            Channel<Integer> closed = Select.<Channel<Integer>>select()
                    .onReceive(a, e -> record(received, e), () -> a)
                    .onReceive(b, e -> record(received, e), () -> b)
                    .run();
            aOpen = closed != a;
            bOpen = closed != b;
        }
        for (int e : aOpen ? a : b) {
            received.add(e);
        }
    }

    /** Records a received element; no channel closed (null). */
    private static Channel<Integer> record(ConcurrentLinkedQueue<Integer> received, int e) {
        received.add(e);
        return null;
    }

    @Test
    void tenThousandVirtualThreadsPassMessagesAlongAChain() throws Exception {
        int links = 10_000;
        int messages = STRESS ? 1_000 : 20;
        List<Channel<Integer>> chain = new ArrayList<>(links + 1);
        for (int i = 0; i <= links; i++) {
            chain.add(i % 2 == 0 ? Channel.rendezvous() : Channel.buffered(1));
        }
        List<Forked<Void>> relays = new ArrayList<>(links);
        for (int i = 0; i < links; i++) {
            Channel<Integer> in = chain.get(i);
            Channel<Integer> out = chain.get(i + 1);
            relays.add(Forked.run(() -> {
                for (int e : in) {
                    out.send(e + 1);
                }
                out.close();
            }));
        }
        Forked<Void> source = Forked.run(() -> {
            for (int m = 0; m < messages; m++) {
                chain.get(0).send(m);
            }
            chain.get(0).close();
        });
        List<Integer> arrived = new ArrayList<>();
        for (int e : chain.get(links)) {
            arrived.add(e);
        }
        source.join();
        for (Forked<Void> r : relays) {
            r.join();
        }
        assertEquals(IntStream.range(0, messages).map(m -> m + links).boxed().toList(), arrived);
        assertTrue(chain.stream().allMatch(Channel::isClosed));
    }
}
