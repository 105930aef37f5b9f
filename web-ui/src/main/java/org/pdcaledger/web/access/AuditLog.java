package org.pdcaledger.web.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * Who changed access, and when: every grant and revoke, user and client change, and failed login, in the
 * {@code audit_log} collection beside the accounts. These are records about credentials, so they are not events
 * (DESIGN.md, security model); callers pass only names and grants, never a secret, password or hash.
 */
@Component
public class AuditLog {

    private final MongoCollection<Document> entries;
    private final Clock clock;

    AuditLog(MongoDatabase credentialStore, Clock clock) {
        this.entries = credentialStore.getCollection("audit_log");
        this.clock = clock;
    }

    /** One line of the log. {@code actor} did {@code action} to {@code subject}. */
    public record Entry(Instant at, String actor, String action, String subject, String detail,
            String remoteAddress) {
    }

    public void record(String actor, String action, String subject, String detail, String remoteAddress) {
        Document document = new Document("_id", new ObjectId())
                .append("at", Date.from(clock.instant()))
                .append("actor", actor)
                .append("action", action)
                .append("subject", subject);
        if (detail != null) {
            document.append("detail", detail);
        }
        if (remoteAddress != null) {
            document.append("remoteAddress", remoteAddress);
        }
        entries.insertOne(document);
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> latest(int limit) {
        return entries.find().sort(Sorts.descending("at", "_id")).limit(limit).map(d -> new Entry(
                d.getDate("at").toInstant(), d.getString("actor"), d.getString("action"), d.getString("subject"),
                d.getString("detail"), d.getString("remoteAddress"))).into(new java.util.ArrayList<>());
    }
}
