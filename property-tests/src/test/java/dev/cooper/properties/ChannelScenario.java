package dev.cooper.properties;

import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Schedule;

/**
 * A run through a channel that is closed or cancelled mid-stream: the {@link Schedule}
 * (senders, receivers, buffer capacity, events, pauses), the kind of channel, how senders and
 * receivers call it, when the main thread ends it, and whether the receivers start before or
 * after that. Shrinks towards a rendezvous channel, blocking calls, a graceful close, an early
 * cutoff, and receivers that start at once.
 *
 * <p>The schedule comes last so that a failure report, which cuts long values, shows the rest.
 *
 * @param kind     the channel
 * @param send     how every sender sends
 * @param receive  how every receiver receives
 * @param ending   how the main thread ends the stream
 * @param cutoff   the main thread ends the stream once this many events have been received (sent,
 *                 with late receivers), or every sender has finished, or a short while has passed
 * @param lateReceivers whether the receivers start only after the stream has been ended, so that
 *                 the buffer is full when it is closed or cancelled
 * @param schedule senders, receivers, capacity (of a buffered channel), events, pauses
 */
record ChannelScenario(Kind kind, SendMode send, ReceiveMode receive, Ending ending, int cutoff,
        boolean lateReceivers, Schedule<Event> schedule) {

    enum Kind { RENDEZVOUS, BUFFERED, UNBOUNDED }

    enum SendMode {
        /** {@code send(e)}. */
        BLOCKING,
        /** {@code trySend(e)}, retried with a back-off. */
        TRY,
        /** {@code send(e, 100 us)}, retried. */
        TIMED
    }

    enum ReceiveMode {
        /** {@code receive()} until it throws {@code ChannelClosedException}. */
        BLOCKING,
        /** {@code tryReceive()} until {@code Closed}. */
        TRY,
        /** {@code receive(100 us)} until {@code Closed}. */
        TIMED,
        /** {@code for (e : channel)}. */
        ITERATE,
        /** {@code drainTo(batch, 8)}, and {@code tryReceive()} when it took nothing, until {@code Closed}. */
        DRAIN
    }

    enum Ending {
        /** {@code close()}: what is buffered is still received. */
        CLOSE,
        /** {@code cancel()}: what is buffered is returned. */
        CANCEL
    }

    static Gen<ChannelScenario> gen() {
        Gen<Schedule<Event>> schedules = Schedule.gen(DeliveryScenario.MAX_THREADS, DeliveryScenario.MAX_THREADS,
                DeliveryScenario.MAX_MESSAGES, Gen.of(Event.class));
        Gen<Kind> kinds = Gen.enumOf(Kind.class);
        Gen<SendMode> sends = Gen.enumOf(SendMode.class);
        Gen<ReceiveMode> receives = Gen.enumOf(ReceiveMode.class);
        Gen<Ending> endings = Gen.enumOf(Ending.class);
        return src -> {
            Schedule<Event> schedule = schedules.generate(src);
            return new ChannelScenario(kinds.generate(src), sends.generate(src), receives.generate(src),
                    endings.generate(src), Gen.ints(0, schedule.messages().size()).generate(src),
                    Gen.booleans().generate(src), schedule);
        };
    }
}
