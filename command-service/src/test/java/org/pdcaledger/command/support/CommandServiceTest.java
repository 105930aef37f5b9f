package org.pdcaledger.command.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole command service over a private in-memory H2 event store (same migrations and SQL as the embedded
 * default), trusting identity tokens from {@link org.pdcaledger.support.security.TestIdentityTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:command-${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "pdca.startup.check-stores=false",
        "pdca.security.jwt.public-key-location=classpath:identity/test-public.pem"
})
@AutoConfigureMockMvc
public @interface CommandServiceTest {
}
