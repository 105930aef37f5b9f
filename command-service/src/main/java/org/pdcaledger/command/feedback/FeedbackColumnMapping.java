package org.pdcaledger.command.feedback;

import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackKind;

/**
 * Which column of an exported file holds which field of a feedback item, by the column's header text (compared
 * without regard to case and surrounding spaces), e.g. {@code {"externalId":"工单编号","receivedOn":"受理时间",
 * "category":"诉求分类","text":"诉求内容","satisfaction":"满意度","unitCode":"承办单位编码"}}.
 * <p>
 * {@code externalId}, {@code receivedOn}, {@code category} and {@code text} must be mapped. The channel comes from
 * its column or, for a file of one channel (a hotline export), from {@code defaultChannel}; the unit from its column
 * (unit codes) or else the import's unit. An empty kind cell means {@code defaultKind} (a complaint unless said
 * otherwise); a bare indicator code means an indicator of {@code defaultFramework}. {@code sheet} picks a workbook's
 * sheet (the first by default).
 * <p>
 * Without a mapping the file must use the canonical headers: {@code channel, external_id, received_on, kind,
 * category, text, satisfaction, unit_code, indicators} (the optional ones may be left out).
 */
record FeedbackColumnMapping(
        String channel,
        String externalId,
        String receivedOn,
        String kind,
        String category,
        String text,
        String satisfaction,
        String unitCode,
        String indicators,
        FeedbackChannel defaultChannel,
        FeedbackKind defaultKind,
        String defaultFramework,
        String sheet) {

    static final FeedbackColumnMapping CANONICAL = new FeedbackColumnMapping("channel", "external_id",
            "received_on", "kind", "category", "text", "satisfaction", "unit_code", "indicators", null, null, null,
            null);
}
