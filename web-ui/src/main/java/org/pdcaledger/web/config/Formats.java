package org.pdcaledger.web.config;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.common.LocalizedName;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, numbers, periods and bilingual names in the reader's language, for templates as {@code ${@fmt.date(d)}}.
 * Times are shown in China Standard Time, the time of the organisations the product serves.
 */
@Component("fmt")
public class Formats {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    public String date(LocalDate date) {
        return date == null ? "" : date.format(english() ? EN_DATE : ZH_DATE);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(ZONE).toLocalDate());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : instant.atZone(ZONE).format(english() ? EN_TIME : ZH_TIME);
    }

    /** For {@code <time datetime>}: machine-readable, so assistive technology and tests read the same value. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String number(Number value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(value instanceof BigDecimal decimal ? Math.max(0, decimal.scale()) : 2);
        return format.format(value);
    }

    /** An index or score with at most one decimal: {@code 62.5}, {@code 100}. */
    public String decimal(Number value) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(value.doubleValue());
    }

    public String percent(Number ratio) {
        if (ratio == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(0);
        return format.format(ratio.doubleValue());
    }

    public String name(LocalizedName name) {
        return name == null ? "" : name.in(LocaleContextHolder.getLocale().getLanguage());
    }

    /** {@code 2026年第2季度} / {@code Q2 2026}; {@code 2026年5月} / {@code May 2026}; {@code 2026年度} / {@code 2026}. */
    public String period(AssessmentPeriod period) {
        if (period == null || !period.wellFormed()) {
            return period == null ? "" : period.value();
        }
        String value = period.value();
        String year = value.substring(0, 4);
        return switch (period.type()) {
            case MONTH -> english() ? period.firstDay().format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK))
                    : year + "年" + Integer.parseInt(value.substring(5)) + "月";
            case QUARTER -> english() ? "Q" + value.substring(6) + " " + year : year + "年第" + value.substring(6) + "季度";
            case YEAR -> english() ? year : year + "年度";
        };
    }

    /** An HTML id for a form field named by its JSON path: {@code actions[0].dueDate} becomes {@code f-actions-0-dueDate}. */
    public String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-+$", "");
    }

    /** {@code pdca.initiative.plan-recorded.v1} becomes {@code plan-recorded}, the key of the event's label. */
    public String eventKey(String eventType) {
        if (eventType == null) {
            return "";
        }
        String[] parts = eventType.split("\\.");
        return parts.length >= 4 ? parts[parts.length - 2] : eventType;
    }

    public boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
