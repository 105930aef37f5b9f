package org.pdcaledger.query.webhook;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.pdcaledger.query.feed.CloudEventEnvelope;
import org.pdcaledger.query.feed.EventFeed;
import org.pdcaledger.support.security.EndpointRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/**
 * Webhook delivery: who may manage webhooks (integrators their own, administrators all) and the delivery machinery.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    EndpointRules webhookRules() {
        return requests -> requests
                .requestMatchers("/api/webhooks", "/api/webhooks/**")
                .hasAnyRole("INTEGRATOR", "ADMIN");
    }

    @Bean
    OutboundAddressPolicy outboundAddressPolicy(WebhookProperties properties) {
        return new OutboundAddressPolicy(properties.allowedHosts(), OutboundAddressPolicy.systemResolver());
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(OutboundAddressPolicy policy, WebhookProperties properties) {
        return new WebhookSender(policy, properties);
    }

    @Bean
    WebhookSecrets webhookSecrets(WebhookProperties properties, MongoDatabase readStore) {
        return new WebhookSecrets(properties.encryptionKey(), readStore);
    }

    @Bean
    WebhookStore webhookStore(MongoDatabase readStore) {
        return new WebhookStore(readStore);
    }

    @Bean
    RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
        return new RetrySchedule(properties.retry(), () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    WebhookDispatcher webhookDispatcher(WebhookStore store, EventFeed feed, CloudEventEnvelope envelope,
            WebhookSecrets secrets, WebhookSender sender, RetrySchedule schedule, WebhookProperties properties,
            ObjectProvider<Clock> clock) {
        return new WebhookDispatcher(store, feed, envelope, secrets, sender, schedule, properties,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
