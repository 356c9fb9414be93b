package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/**
 * The field layout {@link ChannelLock}'s javadoc relies on (decision 0014), read from this JVM
 * with JOL: the lock word, the ring indices and the queue ends come first, within 64 bytes of
 * the object's start, and at least 64 bytes of padding follow them, so that the two locks of a
 * buffered channel, allocated one after the other, never put hot fields on one cache line.
 */
class ChannelLockLayoutTest {
    private static final List<String> HOT = List.of(
            "state", "putIndex", "takeIndex",
            "sendersHead", "sendersTail", "receiversHead", "receiversTail");

    @Test
    void theHotFieldsComeFirstAndSixtyFourBytesOfPaddingFollow() {
        ClassLayout layout = ClassLayout.parseClass(ChannelLock.class);
        long hotEnd = 0;
        long firstPad = Long.MAX_VALUE;
        for (FieldLayout f : layout.fields()) {
            if (HOT.contains(f.name())) {
                hotEnd = Math.max(hotEnd, f.offset() + f.size());
            } else if (f.name().matches("p[0-9a-f]{2}")) {
                firstPad = Math.min(firstPad, f.offset());
            }
        }
        String printable = layout.toPrintable();
        assertTrue(hotEnd > 0 && hotEnd <= 64, "hot fields end at " + hotEnd + ":\n" + printable);
        assertTrue(firstPad >= hotEnd, "padding sits among the hot fields:\n" + printable);
        assertTrue(layout.instanceSize() - hotEnd >= 64,
                "less than 64 bytes after the hot fields:\n" + printable);
    }
}
