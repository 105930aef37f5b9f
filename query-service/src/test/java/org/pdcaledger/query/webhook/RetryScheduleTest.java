package org.pdcaledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final WebhookProperties.Retry DEFAULTS = new WebhookProperties.Retry(null, null, null, null, null);
    private static final Instant FIRST = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void delays_growExponentially_upToTheMaximum() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS, () -> 0.5);

        assertThat(schedule.baseDelay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.baseDelay(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.baseDelay(3)).isEqualTo(Duration.ofSeconds(90));
        assertThat(schedule.baseDelay(20)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void jitter_spreadsEachDelay_withinTheConfiguredFraction() {
        Instant now = FIRST.plusSeconds(60);

        assertThat(new RetrySchedule(DEFAULTS, () -> 0.0).next(2, FIRST, now)).contains(now.plusSeconds(24));
        assertThat(new RetrySchedule(DEFAULTS, () -> 0.5).next(2, FIRST, now)).contains(now.plusSeconds(30));
        assertThat(new RetrySchedule(DEFAULTS, () -> 0.9999).next(2, FIRST, now).orElseThrow())
                .isBetween(now.plusSeconds(35), now.plusSeconds(36));
    }

    @Test
    void theDefaultSchedule_keepsRetryingForMoreThanADay_thenGivesUp() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS, () -> 0.0);
        Instant now = FIRST;
        int failures = 0;
        Optional<Instant> next;
        while ((next = schedule.next(++failures, FIRST, now)).isPresent()) {
            now = next.get();
        }

        assertThat(Duration.between(FIRST, now)).isGreaterThan(Duration.ofDays(1));
        assertThat(failures).isBetween(10, 40);
        assertThat(schedule.next(failures, FIRST, FIRST.plus(Duration.ofDays(3)))).isEmpty();
    }
}
