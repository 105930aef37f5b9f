package org.pdcaledger.query.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Makes and keeps the subscriptions' signing secrets. A secret is shown once, at registration, in the Standard
 * Webhooks form {@code whsec_<base64 of 32 random bytes>}; it must stay readable to sign deliveries, so it is kept
 * encrypted with AES-256-GCM (the subscription id as associated data, so a ciphertext cannot be moved to another
 * subscription). The key comes from {@code pdca.webhooks.encryption-key}; without one, a key is generated and
 * kept in the read store, which protects nothing against a stolen database and is logged as such.
 */
public class WebhookSecrets {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public WebhookSecrets(String configuredKey, MongoDatabase readStore) {
        this.key = new SecretKeySpec(configuredKey != null && !configuredKey.isBlank()
                ? decodeKey(configuredKey) : storedKey(readStore), "AES");
    }

    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String encrypt(String subscriptionId, String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    public String decrypt(String subscriptionId, String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("unknown secret encoding for subscription " + subscriptionId);
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the secret of subscription " + subscriptionId
                    + " (was pdca.webhooks.encryption-key changed?)", e);
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("pdca.webhooks.encryption-key must be 32 bytes in base64");
        }
        return bytes;
    }

    private static byte[] storedKey(MongoDatabase readStore) {
        log.warn("pdca.webhooks.encryption-key (PDCA_WEBHOOK_ENCRYPTION_KEY) is not set: webhook secrets are "
                + "encrypted with a key kept in the read store itself. Set a key in production.");
        var keys = readStore.getCollection("webhook_keys");
        Document existing = keys.find(Filters.eq("_id", "default")).first();
        if (existing == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                keys.insertOne(new Document("_id", "default").append("key",
                        Base64.getEncoder().encodeToString(fresh)));
            } catch (com.mongodb.MongoWriteException raced) {
                // another instance stored its key first; use that one
            }
            existing = keys.find(Filters.eq("_id", "default")).first();
        }
        return Base64.getDecoder().decode(existing.getString("key"));
    }
}
