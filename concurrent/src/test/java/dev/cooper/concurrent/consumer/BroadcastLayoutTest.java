package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/**
 * The field layouts that {@link BroadcastFields}'s javadoc relies on, read from this JVM with
 * JOL: the writer's per-message fields sit at least 64 bytes away from the read-mostly fields
 * that every reader reads per message, and from the object's end; a reader's fields have 64
 * bytes of padding on each side, so that readers joined one after the other share no line.
 */
class BroadcastLayoutTest {

    @Test
    void theWritersLineIsApartFromTheReadMostlyLineAndTheObjectsEnd() {
        ClassLayout layout = ClassLayout.parseClass(Broadcast.class);
        Span readMostly = Span.of(layout, List.of("ring", "mask", "overflow", "closed", "readers", "parkedWriter"));
        Span writer = Span.of(layout, List.of("cursor", "claimed", "gatingLimit", "waitingReaders"));
        String printable = layout.toPrintable();
        assertTrue(writer.start - readMostly.end >= 64, "writer's fields too close to the read-mostly ones:\n" + printable);
        assertTrue(layout.instanceSize() - writer.end >= 64, "less than 64 bytes after the writer's fields:\n" + printable);
    }

    @Test
    void aReadersFieldsHaveSixtyFourBytesOfPaddingOnEachSide() {
        ClassLayout layout = ClassLayout.parseClass(Broadcast.Reader.class);
        Span fields = Span.of(layout, List.of("broadcast", "sequence", "waiter", "left", "next", "available", "dropped"));
        String printable = layout.toPrintable();
        assertTrue(fields.start >= 64, "less than 64 bytes before the reader's fields:\n" + printable);
        assertTrue(layout.instanceSize() - fields.end >= 64, "less than 64 bytes after the reader's fields:\n" + printable);
    }

    /** The bytes from the first to the end of the last of some fields. */
    private record Span(long start, long end) {
        static Span of(ClassLayout layout, List<String> names) {
            long start = Long.MAX_VALUE;
            long end = 0;
            int found = 0;
            for (FieldLayout f : layout.fields()) {
                if (names.contains(f.name())) {
                    start = Math.min(start, f.offset());
                    end = Math.max(end, f.offset() + f.size());
                    found++;
                }
            }
            if (found != names.size()) {
                throw new AssertionError("found " + found + " of " + names + ":\n" + layout.toPrintable());
            }
            return new Span(start, end);
        }
    }
}
