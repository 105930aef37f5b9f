package org.pdcaledger.query.feed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.pdcaledger.query.support.QueryServiceTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link QueryServiceTest} with the feed's and the webhooks' timings shortened by configuration, a {@link TestClock}
 * and loopback allow-listed for webhook receivers; one context shared by the feed and webhook tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QueryServiceTest
@Import(FeedIntegrationTest.Clocks.class)
@TestPropertySource(properties = {
        "pdca.feed.poll-interval=PT0.05S",
        "pdca.feed.heartbeat=PT0.3S",
        "pdca.feed.max-streams-per-caller=3",
        "pdca.webhooks.allowed-hosts=127.0.0.0/8",
        "pdca.webhooks.poll-interval=PT0.05S",
        "pdca.webhooks.connect-timeout=PT0.5S",
        "pdca.webhooks.read-timeout=PT0.5S",
        "pdca.webhooks.lease=PT5S",
        "pdca.webhooks.retry.initial-delay=PT0.05S",
        "pdca.webhooks.retry.max-delay=PT0.2S",
        "pdca.webhooks.retry.give-up-after=PT1H"
})
public @interface FeedIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
