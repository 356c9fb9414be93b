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
     * {@code channels} channels of the kind named {@code name} ({@code jox}), each with room
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
            case "jox" -> jox(channels, buffer);
            default -> throw new IllegalArgumentException("select: " + name + " (expected: jox)");
        };
    }

    private static SelectSide jox(int count, int buffer) {
        @SuppressWarnings("unchecked")
        Channel<Message>[] channels = new Channel[count];
        for (int i = 0; i < count; i++) {
            channels[i] = buffer == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(buffer);
        }
        return new SelectSide() {
            @Override
            public void send(int index, Message message) throws InterruptedException {
                channels[index].send(message);
            }

            @Override
            public Message selectReceive() throws InterruptedException {
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
