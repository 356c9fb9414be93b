package dev.cooper.bench;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * One blocking hand-off between threads, as the channel benchmarks use it: a cooper or jox
 * channel, or a JDK blocking queue in the same role. Each benchmark fork creates one kind, so
 * the calls through this interface stay monomorphic.
 */
interface Pipe {

    /** Blocks until {@code message} is handed over (rendezvous) or buffered. */
    void send(Message message) throws InterruptedException;

    /** Blocks until a message is there. */
    Message receive() throws InterruptedException;

    /**
     * The pipe named {@code name} with room for {@code buffer} messages (0: rendezvous):
     * {@code cooper} (a cooper channel), {@code jox} (a jox channel), {@code jdk.SynchronousQueue} (rendezvous only),
     * {@code jdk.ArrayBlockingQueue} (buffered only), or {@code cooper.<QueueKind>} (a cooper queue
     * of that kind, buffered only, with {@code put}/{@code take}: what a channel's close, cancel
     * and select cost against a bare queue, e.g. {@code -p impl=cooper,cooper.SPSC_ARRAY}).
     * {@code floor.spinningSlot} ({@link SpinningSlot}, rendezvous only, one sender and one
     * receiver) is the floor of a hand-off, not a channel. Neither it nor the {@code cooper.}
     * names are in the benchmarks' default parameters.
     *
     * @throws IllegalArgumentException for an unknown name, or a buffer the pipe cannot have
     */
    static Pipe create(String name, int buffer) {
        if (buffer < 0) {
            throw new IllegalArgumentException("buffer: " + buffer + " (expected: >= 0)");
        }
        return switch (name) {
            case "cooper" -> cooper(buffer == 0
                    ? dev.cooper.concurrent.channel.Channel.rendezvous()
                    : dev.cooper.concurrent.channel.Channel.buffered(buffer));
            case "jox" -> jox(buffer == 0
                    ? com.softwaremill.jox.Channel.newRendezvousChannel()
                    : com.softwaremill.jox.Channel.newBufferedChannel(buffer));
            case "jdk.SynchronousQueue" -> {
                if (buffer != 0) {
                    throw new IllegalArgumentException("buffer: " + buffer + " (expected: 0 for a SynchronousQueue)");
                }
                yield queue(new SynchronousQueue<>());
            }
            case "jdk.ArrayBlockingQueue" -> {
                if (buffer == 0) {
                    throw new IllegalArgumentException("buffer: 0 (expected: >= 1 for an ArrayBlockingQueue)");
                }
                yield queue(new ArrayBlockingQueue<>(buffer));
            }
            case "floor.spinningSlot" -> {
                if (buffer != 0) {
                    throw new IllegalArgumentException("buffer: " + buffer + " (expected: 0 for the floor)");
                }
                yield new SpinningSlot();
            }
            case String kind when kind.startsWith("cooper.") -> {
                if (buffer == 0) {
                    throw new IllegalArgumentException("buffer: 0 (expected: >= 1 for a queue)");
                }
                yield queue(dev.cooper.concurrent.queue.QueueKind.valueOf(kind.substring("cooper.".length()))
                        .create(buffer));
            }
            default -> throw new IllegalArgumentException("pipe: " + name
                    + " (expected: cooper, jox, jdk.SynchronousQueue, jdk.ArrayBlockingQueue, floor.spinningSlot"
                    + " or cooper.<QueueKind>)");
        };
    }

    private static Pipe cooper(dev.cooper.concurrent.channel.Channel<Message> channel) {
        return new Pipe() {
            @Override
            public void send(Message message) throws InterruptedException {
                channel.send(message);
            }

            @Override
            public Message receive() throws InterruptedException {
                return channel.receive();
            }
        };
    }

    private static Pipe jox(com.softwaremill.jox.Channel<Message> channel) {
        return new Pipe() {
            @Override
            public void send(Message message) throws InterruptedException {
                channel.send(message);
            }

            @Override
            public Message receive() throws InterruptedException {
                return channel.receive();
            }
        };
    }

    private static Pipe queue(BlockingQueue<Message> queue) {
        return new Pipe() {
            @Override
            public void send(Message message) throws InterruptedException {
                queue.put(message);
            }

            @Override
            public Message receive() throws InterruptedException {
                return queue.take();
            }
        };
    }
}
