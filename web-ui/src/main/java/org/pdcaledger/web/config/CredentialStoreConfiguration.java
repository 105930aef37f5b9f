package org.pdcaledger.web.config;

import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Accounts and their password hashes live in the read store's MongoDB, in collections no projection touches and a
 * rebuild never wipes: they are secrets, so they are never events (DESIGN.md, stores).
 */
@Configuration(proxyBeanMethods = false)
public class CredentialStoreConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(@Value("${pdca.mongodb.uri}") String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applicationName("pdca-web-ui")
                .build());
    }

    @Bean
    MongoDatabase credentialStore(MongoClient client, @Value("${pdca.mongodb.database}") String database) {
        return client.getDatabase(database);
    }
}
