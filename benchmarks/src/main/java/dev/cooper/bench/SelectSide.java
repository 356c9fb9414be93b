package dev.cooper.bench;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.Select;
import com.softwaremill.jox.SelectClause;

/**
 * Several channels and a select over receiving from all of them, as {@link ChannelSelect}
 * uses them. Each benchmark fork creates one kind, so the calls stay monomorphic.
 */
interface SelectSide {

    /** Sends {@code message} on channel {@code index}, blocking while it cannot. */
    void send(int index, Message message) throws InterruptedException;

    /** Blocks until one of the channels has a message, and receives it. */
    Message selectReceive() throws InterruptedException;

    /**
     * {@code channels} channels of the kind named {@code name} ({@code cooper}; {@code jox}, its
     * clauses made per select; or {@code joxReused}, its clauses made once), each with room
     * for {@code buffer} messages (0: rendezvous).
     *
     * @throws IllegalArgumentException for an unknown name or a bad count
     */
    static SelectSide create(String name, int channels, int buffer) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels: " + channels + " (expected: >= 1)");
        }
        if (buffer < 0) {
            throw new IllegalArgumentException("buffer: " + buffer + " (expected: >= 0)");
        }
        return switch (name) {
            case "cooper" -> cooper(channels, buffer);
            case "jox" -> jox(channels, buffer, false);
            case "joxReused" -> jox(channels, buffer, true);
            default -> throw new IllegalArgumentException("select: " + name + " (expected: cooper, jox or joxReused)");
        };
    }

    private static SelectSide cooper(int count, int buffer) {
        @SuppressWarnings("unchecked")
        dev.cooper.concurrent.channel.Channel<Message>[] channels = new dev.cooper.concurrent.channel.Channel[count];
        // cooper's Select is built once and run again and again, as its documentation allows.
        dev.cooper.concurrent.channel.Select<Message> select = dev.cooper.concurrent.channel.Select.select();
        for (int i = 0; i < count; i++) {
            channels[i] = buffer == 0
                    ? dev.cooper.concurrent.channel.Channel.rendezvous()
                    : dev.cooper.concurrent.channel.Channel.buffered(buffer);
            select.onReceive(channels[i], m -> m, () -> null);
        }
        return new SelectSide() {
            @Override
            public void send(int index, Message message) throws InterruptedException {
                channels[index].send(message);
            }

            @Override
            public Message selectReceive() throws InterruptedException {
                return select.run();
            }
        };
    }

    private static SelectSide jox(int count, int buffer, boolean reuseClauses) {
        @SuppressWarnings("unchecked")
        Channel<Message>[] channels = new Channel[count];
        @SuppressWarnings("unchecked")
        SelectClause<Message>[] reused = new SelectClause[count];
        for (int i = 0; i < count; i++) {
            channels[i] = buffer == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(buffer);
            reused[i] = channels[i].receiveClause();
        }
        return new SelectSide() {
            @Override
            public void send(int index, Message message) throws InterruptedException {
                channels[index].send(message);
            }

            @Override
            public Message selectReceive() throws InterruptedException {
                if (reuseClauses) {
                    // jox's clauses are immutable (softwaremill/jox#26; final fields only in
                    // 1.0.1), so they may be made once, as cooper's Select is.
                    return Select.select(reused);
                }
                // jox's clauses are made per select, as its documentation writes them.
                @SuppressWarnings("unchecked")
                SelectClause<Message>[] clauses = new SelectClause[channels.length];
                for (int i = 0; i < clauses.length; i++) {
                    clauses[i] = channels[i].receiveClause();
                }
                return Select.select(clauses);
            }
        };
    }
}
