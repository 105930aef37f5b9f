package org.pdcaledger.web.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Starts a private in-memory mongo-java-server on a free loopback port for one test context and points
 * {@code pdca.mongodb.uri} at it; stops it with the context.
 */
public class EmbeddedCredentialStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-credential-store",
                Map.of("pdca.mongodb.uri", uri)));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                server.shutdownNow();
            }
        });
    }
}
