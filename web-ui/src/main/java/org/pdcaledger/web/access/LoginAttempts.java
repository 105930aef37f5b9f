package org.pdcaledger.web.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Failed logins per user name, for lock-out with exponential back-off: after {@code threshold} failures in a row
 * the name is locked for {@code base}, and every further failure doubles the lock up to {@code max}. Names are
 * tracked whether or not an account exists, so the answer never tells an attacker which names are real. Kept in the
 * {@code login_attempts} collection so that every web-ui instance sees the same count.
 */
@Component
class LoginAttempts {

    private final MongoCollection<Document> attempts;
    private final Clock clock;
    private final int threshold;
    private final Duration base;
    private final Duration max;

    LoginAttempts(MongoDatabase credentialStore, Clock clock,
            @Value("${pdca.security.lockout.threshold:5}") int threshold,
            @Value("${pdca.security.lockout.base:PT1M}") Duration base,
            @Value("${pdca.security.lockout.max:PT1H}") Duration max) {
        this.attempts = credentialStore.getCollection("login_attempts");
        this.clock = clock;
        this.threshold = threshold;
        this.base = base;
        this.max = max;
    }

    /** When the lock on {@code username} ends, if it is locked now. */
    Optional<Instant> lockedUntil(String username) {
        Document document = attempts.find(Filters.eq("_id", username)).first();
        if (document == null || document.getDate("lockedUntil") == null) {
            return Optional.empty();
        }
        Instant until = document.getDate("lockedUntil").toInstant();
        return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** Counts a failure; answers the new lock's end when this failure locks the name. */
    Optional<Instant> failed(String username) {
        Instant now = clock.instant();
        Document document = attempts.findOneAndUpdate(Filters.eq("_id", username),
                Updates.combine(Updates.inc("failures", 1), Updates.set("lastFailureAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        int failures = document.getInteger("failures", 1);
        if (failures < threshold) {
            return Optional.empty();
        }
        Instant until = now.plus(backOff(failures - threshold));
        attempts.updateOne(Filters.eq("_id", username), Updates.set("lockedUntil", Date.from(until)));
        return Optional.of(until);
    }

    void succeeded(String username) {
        attempts.deleteOne(Filters.eq("_id", username));
    }

    private Duration backOff(int lockNumber) {
        Duration lock = base;
        for (int i = 0; i < lockNumber && lock.compareTo(max) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(max) > 0 ? max : lock;
    }

    /** Forgets names whose last failure is a day old and whose lock has ended, so guessed names do not pile up. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        Date cutoff = Date.from(clock.instant().minus(Duration.ofDays(1)));
        attempts.deleteMany(Filters.and(Filters.lt("lastFailureAt", cutoff),
                Filters.or(Filters.exists("lockedUntil", false), Filters.lt("lockedUntil", cutoff))));
    }
}
