package dev.credrift.reconciler.it;

import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh {@link ItWorld} (plain HTTP store) on the shared broker for every test; closed after it. */
@ExtendWith(KafkaBrokerExtension.class)
abstract class OnItWorld {

    protected ItWorld world;

    @BeforeEach
    void startWorld(KafkaBroker kafka) throws Exception {
        world = ItWorld.start(kafka);
    }

    @AfterEach
    void stopWorld() throws Exception {
        world.close();
    }
}
