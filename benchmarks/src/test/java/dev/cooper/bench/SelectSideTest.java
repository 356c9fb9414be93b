package dev.cooper.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every select the select benchmark can name receives each message once, whichever channel it
 * came on, also when its clauses are made once and used again (jox's {@code joxReused}).
 */
class SelectSideTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cooper", "jox", "joxReused"})
    void aSelectReceivesEveryMessageOnceFromAnyChannel(String name) throws InterruptedException {
        SelectSide side = SelectSide.create(name, 3, 16);
        Set<Long> received = new HashSet<>();
        for (int round = 0; round < 20; round++) {
            for (int channel = 0; channel < 3; channel++) {
                side.send(channel, new Message(round * 3L + channel));
            }
            for (int i = 0; i < 3; i++) {
                received.add(side.selectReceive().id());
            }
        }
        assertEquals(60, received.size(), received.toString());
    }
}
