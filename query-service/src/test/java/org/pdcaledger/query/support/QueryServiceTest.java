package org.pdcaledger.query.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole query service over a private in-memory H2 event store and a private in-memory mongo-java-server,
 * trusting identity tokens from {@link org.pdcaledger.support.security.TestIdentityTokens}. Tests append events to
 * the event store and read the projections through the HTTP API, as a client would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:query-${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "pdca.startup.check-stores=false",
        "pdca.eventstore.fetch-delay=PT0.02S",
        "pdca.security.jwt.public-key-location=classpath:identity/test-public.pem"
})
@ContextConfiguration(initializers = EmbeddedReadStore.class)
@Import(EventStoreSchema.class)
@AutoConfigureMockMvc
public @interface QueryServiceTest {
}
