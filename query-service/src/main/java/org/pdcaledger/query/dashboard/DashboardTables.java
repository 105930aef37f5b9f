package org.pdcaledger.query.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.maturity.HeatMap;
import org.pdcaledger.kernel.maturity.HeatMapCell;
import org.pdcaledger.kernel.maturity.HeatMapIndicator;
import org.pdcaledger.kernel.maturity.HeatMapRow;
import org.pdcaledger.kernel.maturity.InitiativeList;
import org.pdcaledger.kernel.maturity.InitiativeRow;
import org.pdcaledger.kernel.maturity.Ranking;
import org.pdcaledger.kernel.maturity.RankingCorrection;
import org.pdcaledger.kernel.maturity.RankingEntry;

/**
 * The exported tables of the dashboard, with column names in Chinese or English.
 */
final class DashboardTables {

    private DashboardTables() {
    }

    static ExportTable ranking(Ranking ranking, boolean zh) {
        List<String> headers = zh
                ? List.of("名次", "单位代码", "单位名称", "成熟度指数", "上期指数", "变化", "进步名次", "更正后指数",
                        "更正后变化")
                : List.of("Rank", "Unit code", "Unit", "Index", "Previous index", "Change", "Change rank",
                        "Corrected index", "Corrected change");
        Map<String, RankingCorrection> corrections = new HashMap<>();
        ranking.corrections().forEach(c -> corrections.put(c.unitId(), c));
        List<List<Object>> rows = new ArrayList<>();
        for (RankingEntry entry : ranking.entries()) {
            RankingCorrection correction = corrections.get(entry.unitId());
            rows.add(row(entry.rank(), entry.unitCode(), name(entry.unitName(), zh), entry.index(),
                    entry.previousIndex(), entry.change(), entry.changeRank(),
                    correction == null ? null : correction.correctedIndex(),
                    correction == null ? null : correction.correctedChange()));
        }
        String sheet = (zh ? "排名 " : "Ranking ") + ranking.period().value();
        return new ExportTable(sheet, headers, rows);
    }

    static ExportTable heatMap(HeatMap heatMap, boolean zh) {
        List<String> headers = new ArrayList<>(zh ? List.of("单位代码", "单位名称", "成熟度指数")
                : List.of("Unit code", "Unit", "Index"));
        for (HeatMapIndicator indicator : heatMap.indicators()) {
            String name = indicator.indicatorName() == null ? indicator.indicatorCode()
                    : name(indicator.indicatorName(), zh);
            headers.add(name + (zh ? " 现状等级" : " level"));
            headers.add(name + (zh ? " 差距" : " gap"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (HeatMapRow row : heatMap.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.unitCode(), name(row.unitName(), zh)));
            cells.add(row.index());
            for (HeatMapCell cell : row.cells()) {
                cells.add(cell.level());
                cells.add(cell.gap());
            }
            rows.add(cells);
        }
        return new ExportTable(zh ? "热力图" : "Heat map", headers, rows);
    }

    static ExportTable initiatives(InitiativeList list, boolean zh) {
        List<String> headers = zh
                ? List.of("编号", "单位代码", "单位名称", "举措名称", "负责人", "所处阶段", "循环", "关联差距",
                        "最近评估结论", "未完成行动", "逾期行动", "停滞", "启动日期", "最近活动日期")
                : List.of("ID", "Unit code", "Unit", "Title", "Owner", "Stage", "Cycle", "Linked gaps",
                        "Last check", "Open actions", "Overdue actions", "Stalled", "Launched on",
                        "Last activity on");
        List<List<Object>> rows = new ArrayList<>();
        for (InitiativeRow row : list.initiatives()) {
            rows.add(row(row.initiativeId(), row.unitCode(), name(row.unitName(), zh), row.title(), row.owner(),
                    stage(row.stage(), zh), row.cycle(), String.join("; ", row.indicators()),
                    result(row.lastResult(), zh), row.openActions(), row.overdueActions(),
                    zh ? (row.stalled() ? "是" : "否") : (row.stalled() ? "yes" : "no"), row.launchedOn(),
                    row.lastActivityOn()));
        }
        return new ExportTable(zh ? "改进举措" : "Initiatives", headers, rows);
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    private static String name(LocalizedName name, boolean zh) {
        return name == null ? null : zh ? name.zh() : name.en();
    }

    private static String stage(InitiativeStage stage, boolean zh) {
        if (zh) {
            return stage.zh();
        }
        return switch (stage) {
            case PLANNING -> "planning";
            case EXECUTION -> "execution";
            case EVALUATION -> "evaluation";
            case CONTINUOUS_IMPROVEMENT -> "continuous improvement";
            case COMPLETED -> "completed";
            case ABANDONED -> "abandoned";
        };
    }

    private static String result(CheckResult result, boolean zh) {
        if (result == null) {
            return null;
        }
        return switch (result) {
            case MET -> zh ? "达成" : "met";
            case PARTLY_MET -> zh ? "部分达成" : "partly met";
            case NOT_MET -> zh ? "未达成" : "not met";
        };
    }
}
