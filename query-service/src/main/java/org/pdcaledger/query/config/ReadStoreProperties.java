package org.pdcaledger.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read store: the embedded mongo-java-server by default, a MongoDB replica set in production.
 *
 * @param uri      the connection string ({@code PDCA_MONGODB_URI})
 * @param database the database holding read models, tracking tokens and integration state
 */
@ConfigurationProperties("pdca.mongodb")
public record ReadStoreProperties(String uri, String database) {

    public ReadStoreProperties {
        if (uri == null || uri.isBlank()) {
            uri = "mongodb://localhost:27018";
        }
        if (database == null || database.isBlank()) {
            database = "pdca";
        }
    }
}
