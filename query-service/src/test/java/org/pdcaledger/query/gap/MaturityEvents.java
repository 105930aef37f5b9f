package org.pdcaledger.query.gap;

import java.util.ArrayList;
import java.util.List;

import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
import org.pdcaledger.kernel.framework.LevelDescriptor;

/**
 * Events of a small framework (two dimensions, three indicators) and of assessments against it, as the command
 * service emits them.
 */
public final class MaturityEvents {

    public static final String FRAMEWORK = "TEST";

    private MaturityEvents() {
    }

    public static FrameworkVersionPublishedEvent published() {
        List<LevelDescriptor> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            levels.add(new LevelDescriptor(level, "第" + level + "级", "Level " + level));
        }
        FrameworkDefinition definition = new FrameworkDefinition(FRAMEWORK, 1, new LocalizedName("测试框架", "Test"),
                null, List.of(
                        new FrameworkDimension("d1", new LocalizedName("高效率管理", "Efficient management"), null,
                                List.of(new FrameworkIndicator("i1", new LocalizedName("规范性", "Standardisation"),
                                                null, levels),
                                        new FrameworkIndicator("i2", new LocalizedName("集成性", "Integration"), null,
                                                levels))),
                        new FrameworkDimension("d2", new LocalizedName("高品质服务", "High-quality service"), null,
                                List.of(new FrameworkIndicator("i3", new LocalizedName("可获得性", "Accessibility"),
                                        null, levels)))));
        return new FrameworkVersionPublishedEvent("fw-test", definition);
    }

    public static AssessmentPeriod quarter(String value) {
        return new AssessmentPeriod(PeriodType.QUARTER, value);
    }

    /** A finalised assessment; {@code levels} are current/target pairs for i1, i2, i3. */
    public static AssessmentFinalisedEvent finalised(String assessmentId, String unitId, String quarter,
            int... levels) {
        List<IndicatorRating> ratings = new ArrayList<>();
        String[] indicators = {"i1", "i2", "i3"};
        for (int i = 0; i < indicators.length; i++) {
            ratings.add(new IndicatorRating(indicators[i], levels[2 * i], levels[2 * i + 1], "evidence", null));
        }
        return new AssessmentFinalisedEvent(assessmentId, unitId, FRAMEWORK, 1, quarter(quarter),
                AssessmentKind.SELF, ratings, "wang", "zhao");
    }
}
