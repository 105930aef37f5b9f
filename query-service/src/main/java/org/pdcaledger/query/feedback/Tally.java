package org.pdcaledger.query.feedback;

import java.util.EnumMap;
import java.util.Map;

import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackFigures;
import org.pdcaledger.kernel.feedback.FeedbackKind;

/**
 * Additive counts of feedback items, so that months, units and indicators add up at query time.
 */
record Tally(int items, int complaints, int scored, int satisfactionSum, Map<FeedbackChannel, Integer> byChannel) {

    static final Tally EMPTY = new Tally(0, 0, 0, 0, Map.of());

    Tally {
        byChannel = byChannel == null ? Map.of() : Map.copyOf(byChannel);
    }

    Tally plus(FeedbackChannel channel, FeedbackKind kind, Integer satisfaction) {
        Map<FeedbackChannel, Integer> channels = new EnumMap<>(FeedbackChannel.class);
        channels.putAll(byChannel);
        channels.merge(channel, 1, Integer::sum);
        return new Tally(items + 1, complaints + (kind == FeedbackKind.COMPLAINT ? 1 : 0),
                scored + (satisfaction == null ? 0 : 1), satisfactionSum + (satisfaction == null ? 0 : satisfaction),
                channels);
    }

    Tally plus(Tally other) {
        Map<FeedbackChannel, Integer> channels = new EnumMap<>(FeedbackChannel.class);
        channels.putAll(byChannel);
        other.byChannel.forEach((channel, count) -> channels.merge(channel, count, Integer::sum));
        return new Tally(items + other.items, complaints + other.complaints, scored + other.scored,
                satisfactionSum + other.satisfactionSum, channels);
    }

    FeedbackFigures figures() {
        Double average = scored == 0 ? null : Math.round(satisfactionSum * 100.0 / scored) / 100.0;
        Map<FeedbackChannel, Integer> channels = new EnumMap<>(FeedbackChannel.class);
        channels.putAll(byChannel);
        return new FeedbackFigures(items, complaints, scored, average, channels);
    }
}
