package org.pdcaledger.kernel.initiative;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The quantity an initiative sets out to move, quantified as the seeds ask (quality, time limit, satisfaction,
 * cost): where it stood when the initiative was launched, where it should get to, and which way is better.
 * <p>
 * The methods here are the one definition of "reaching" and "improving" that the aggregate's Check rule and the
 * views' metric series both use, so the computed result and the chart can never disagree.
 *
 * @param name          what is measured, e.g. 公文办理时长 (document handling time)
 * @param unitOfMeasure the unit the values are in, e.g. {@code 天} or {@code %}
 * @param baseline      the value when the initiative was launched
 * @param target        the value the initiative aims for; never equal to the baseline
 * @param direction     which way is better; must agree with baseline and target
 */
public record Metric(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) String unitOfMeasure,
        @NotNull @Digits(integer = 15, fraction = 6) BigDecimal baseline,
        @NotNull @Digits(integer = 15, fraction = 6) BigDecimal target,
        @NotNull MetricDirection direction) {

    /** Whether {@code value} is at the target or beyond it, in the better direction. */
    public boolean reachesTarget(BigDecimal value) {
        int comparison = value.compareTo(target);
        return direction == MetricDirection.LOWER_IS_BETTER ? comparison <= 0 : comparison >= 0;
    }

    /** Whether {@code value} is strictly better than the baseline. */
    public boolean improvesOnBaseline(BigDecimal value) {
        int comparison = value.compareTo(baseline);
        return direction == MetricDirection.LOWER_IS_BETTER ? comparison < 0 : comparison > 0;
    }

    /** Whether moving from the baseline to the target goes the way {@link #direction} calls better. */
    public boolean directionAgreesWithTarget() {
        return improvesOnBaseline(target);
    }
}
