package org.pdcaledger.web.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole web-ui over a private in-memory mongo-java-server, with {@link StubServices} in place of the command
 * and query services and a {@link MutableClock}. The administrator {@code admin} has the password
 * {@link #ADMIN_PASSWORD}; three failed logins lock a name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "pdca.startup.check-stores=false",
        "pdca.admin-password=" + WebUiTest.ADMIN_PASSWORD,
        "pdca.security.lockout.threshold=3"
})
@ContextConfiguration(initializers = {EmbeddedCredentialStore.class, StubServices.class})
@Import(WebUiTest.Clocks.class)
@AutoConfigureMockMvc
public @interface WebUiTest {

    String ADMIN_PASSWORD = "admin-password-for-tests";

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }
}
