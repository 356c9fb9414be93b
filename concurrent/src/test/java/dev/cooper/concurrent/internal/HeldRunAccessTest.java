package dev.cooper.concurrent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Only the queue package installs the held-run give-back: on the class path this package is
 * open to any code, and an install by other code must neither take the service's place nor
 * break the queues.
 */
class HeldRunAccessTest {

    @Test
    void anInstallByOtherCodeIsRefusedAndTheQueuesKeepTheirGiveBack() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> HeldRunAccess.install(MethodHandles.lookup(), () -> false));
        assertEquals("only the queue package installs the held-run give-back", refused.getMessage());

        MessageQueue<Integer> q = QueueKind.SPSC_ARRAY.create(16);
        for (int i = 0; i < 16; i++) {
            assertTrue(q.offer(i));
        }
        List<Integer> sizes = new ArrayList<>();
        q.drain(e -> {
            sizes.add(q.size());
            assertTrue(HeldRunAccess.giveBackHeldRun(), "the queues' own give-back is installed");
            assertFalse(HeldRunAccess.giveBackHeldRun(), "nothing more is held");
            sizes.add(q.size());
        }, 1);
        assertEquals(List.of(16, 15), sizes);
    }
}
