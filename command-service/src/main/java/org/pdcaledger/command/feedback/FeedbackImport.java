package org.pdcaledger.command.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.unit.UnitTreeTable;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.FeedbackKind;
import org.pdcaledger.kernel.feedback.RecordFeedbackCommand;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.CurrentCaller;
import org.pdcaledger.support.security.ScopeGuard;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a batch of feedback items from a file a hotline, forum or review system exported, for one unit subtree.
 * <p>
 * One path for the dry run and the real run: every row is read, mapped, masked and checked with
 * {@link FeedbackRules} (the aggregate's own rules), its unit resolved within the import's unit, and its channel and
 * external id compared with the rows before it and with the store; the report lists every accepted, duplicate and
 * rejected row. A dry run stops there. A real run then sends one {@link RecordFeedbackCommand} per accepted row,
 * all in one database transaction: either every accepted row is stored or, if anything fails half-way (an item
 * stored concurrently by someone else), nothing is.
 * <p>
 * Rejected rows do not stop the accepted ones by default: duplicates are skipped, so after fixing the rejected rows
 * the same file can simply be imported again, and nothing is ever counted twice. With {@code allOrNothing} a single
 * rejected row refuses the whole file.
 */
@Component
class FeedbackImport {

    static final int MAX_ROWS = 5_000;

    private final CommandGateway commands;
    private final UnitTreeTable units;
    private final FrameworkCatalogTable frameworks;
    private final FeedbackLookups lookups;
    private final ScopeGuard scopes;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FeedbackImport(CommandGateway commands, UnitTreeTable units, FrameworkCatalogTable frameworks,
            FeedbackLookups lookups, ScopeGuard scopes, Clock clock, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.units = units;
        this.frameworks = frameworks;
        this.lookups = lookups;
        this.scopes = scopes;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** What to import and how. */
    record Request(String unitId, byte[] content, FeedbackColumnMapping mapping, String charset, boolean dryRun,
            boolean allOrNothing) {
    }

    /**
     * Checks that the caller may import into the unit: before the file is even read, so a caller outside the unit
     * learns nothing from the file's problems.
     */
    void requireImporter(String unitId) {
        Caller caller = CurrentCaller.get();
        if (unitId == null || !units.exists(unitId)) {
            throw new RuleViolationException("unit-unknown", "unit", "there is no unit " + unitId);
        }
        scopes.require(caller, unitId, Feedback.RECORDERS);
    }

    FeedbackImportReport run(Request request) {
        requireImporter(request.unitId());
        FeedbackColumnMapping mapping = request.mapping() == null ? FeedbackColumnMapping.CANONICAL
                : request.mapping();
        FeedbackSheet sheet = FeedbackSheet.read(request.content(), request.charset(), mapping.sheet(), MAX_ROWS);
        Columns columns = Columns.resolve(sheet.header(), mapping, request.mapping() != null);
        if (sheet.rows().isEmpty()) {
            throw FeedbackImportRejectedException.ofFile("no-rows", "file", "the file has a header but no rows");
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<String>> unitsByCode = new HashMap<>();
        Map<String, Integer> firstRowById = new HashMap<>();
        List<FeedbackImportReport.AcceptedRow> accepted = new ArrayList<>();
        List<FeedbackImportReport.DuplicateRow> duplicates = new ArrayList<>();
        List<FeedbackImportReport.RejectedRow> rejected = new ArrayList<>();
        List<RecordFeedbackCommand> toSend = new ArrayList<>();
        String importId = request.dryRun() ? null : "imp-" + UUID.randomUUID();
        for (FeedbackSheet.SheetRow row : sheet.rows()) {
            List<FeedbackImportReport.RowProblem> problems = new ArrayList<>();
            RecordFeedbackCommand command = command(row, columns, mapping, request.unitId(), importId, unitsByCode,
                    problems);
            if (problems.isEmpty()) {
                FeedbackRules.check(command, today, frameworks).forEach(problem -> problems.add(
                        new FeedbackImportReport.RowProblem(columns.headerOf(problem.field()), problem.code(),
                                problem.message())));
            }
            if (!problems.isEmpty()) {
                rejected.add(new FeedbackImportReport.RejectedRow(row.number(), problems));
                continue;
            }
            Integer earlier = firstRowById.putIfAbsent(command.feedbackId(), row.number());
            if (earlier != null || lookups.exists(command.feedbackId())) {
                duplicates.add(new FeedbackImportReport.DuplicateRow(row.number(), command.channel(),
                        command.externalId(), command.feedbackId(), earlier));
                continue;
            }
            accepted.add(new FeedbackImportReport.AcceptedRow(row.number(), command.feedbackId(), command.unitId(),
                    command.channel(), command.externalId(), command.receivedOn(), command.kind(),
                    command.category(), command.text(), command.satisfaction(), command.indicators()));
            toSend.add(command);
        }
        boolean refused = request.allOrNothing() && !rejected.isEmpty();
        FeedbackImportReport report = new FeedbackImportReport(importId, request.dryRun(), request.allOrNothing(),
                request.unitId(), sheet.format(), sheet.rows().size(), 0, refused, accepted, duplicates, rejected);
        if (request.dryRun()) {
            return report;
        }
        if (refused) {
            throw FeedbackImportRejectedException.refused(report);
        }
        store(toSend, accepted);
        return new FeedbackImportReport(importId, false, request.allOrNothing(), request.unitId(), sheet.format(),
                sheet.rows().size(), toSend.size(), false, accepted, duplicates, rejected);
    }

    private void store(List<RecordFeedbackCommand> toSend, List<FeedbackImportReport.AcceptedRow> accepted) {
        int[] current = {0};
        try {
            transaction.executeWithoutResult(status -> {
                for (RecordFeedbackCommand command : toSend) {
                    commands.sendAndWait(command);
                    current[0]++;
                }
            });
        } catch (RuntimeException e) {
            int row = accepted.get(current[0]).row();
            throw new StateConflictException("import-interrupted", null, "row " + row + " could not be stored ("
                    + e.getMessage() + "); nothing of this import was stored, run it again");
        }
    }

    private RecordFeedbackCommand command(FeedbackSheet.SheetRow row, Columns columns, FeedbackColumnMapping mapping,
            String importUnit, String importId, Map<String, Optional<String>> unitsByCode,
            List<FeedbackImportReport.RowProblem> problems) {
        FeedbackChannel channel = mapping.defaultChannel();
        String channelText = columns.cell(row, Field.CHANNEL);
        if (!channelText.isEmpty()) {
            channel = FeedbackLabels.channel(channelText).orElse(null);
            if (channel == null) {
                problems.add(columns.problem(Field.CHANNEL, "channel-unknown", "'" + channelText
                        + "' is not a channel: 12345热线, 网络论坛, 行风评议, 内审/外审, 其他 or our codes"));
            }
        } else if (channel == null) {
            problems.add(columns.problem(Field.CHANNEL, "channel-missing", "the row names no channel"));
        }
        String externalId = columns.cell(row, Field.EXTERNAL_ID);
        LocalDate receivedOn = null;
        String dateText = columns.cell(row, Field.RECEIVED_ON);
        if (!dateText.isEmpty()) {
            receivedOn = FeedbackLabels.date(dateText).orElse(null);
            if (receivedOn == null) {
                problems.add(columns.problem(Field.RECEIVED_ON, "date-invalid",
                        "'" + dateText + "' is not a date such as 2026-03-12"));
            }
        }
        FeedbackKind kind = mapping.defaultKind() == null ? FeedbackKind.COMPLAINT : mapping.defaultKind();
        String kindText = columns.cell(row, Field.KIND);
        if (!kindText.isEmpty()) {
            kind = FeedbackLabels.kind(kindText).orElse(null);
            if (kind == null) {
                problems.add(columns.problem(Field.KIND, "kind-unknown",
                        "'" + kindText + "' is not a kind: 投诉, 建议, 咨询 or 表扬"));
            }
        }
        Integer satisfaction = null;
        String scoreText = columns.cell(row, Field.SATISFACTION);
        if (!scoreText.isEmpty()) {
            satisfaction = FeedbackLabels.satisfaction(scoreText).orElse(null);
            if (satisfaction == null) {
                problems.add(columns.problem(Field.SATISFACTION, "satisfaction-invalid",
                        "'" + scoreText + "' is not a score from 1 to 5 or a word such as 满意"));
            }
        }
        String unitId = unit(row, columns, importUnit, unitsByCode, problems);
        List<FeedbackIndicator> indicators = indicators(columns.cell(row, Field.INDICATORS),
                mapping.defaultFramework(), columns, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        String feedbackId = channel == null || externalId.isEmpty() ? null : FeedbackIds.of(channel, externalId);
        return new RecordFeedbackCommand(feedbackId, unitId, channel, externalId, receivedOn, kind,
                PersonalDataMask.mask(columns.cell(row, Field.CATEGORY)),
                PersonalDataMask.mask(columns.cell(row, Field.TEXT)), satisfaction, indicators, importId);
    }

    private String unit(FeedbackSheet.SheetRow row, Columns columns, String importUnit,
            Map<String, Optional<String>> unitsByCode, List<FeedbackImportReport.RowProblem> problems) {
        String code = columns.cell(row, Field.UNIT_CODE);
        if (code.isEmpty()) {
            return importUnit;
        }
        Optional<String> unitId = unitsByCode.computeIfAbsent(code, c -> units.unitWithCode(c)
                .filter(id -> units.pathOf(id).contains(importUnit)));
        if (unitId.isEmpty()) {
            problems.add(columns.problem(Field.UNIT_CODE, "unit-unknown",
                    "no unit with code " + code + " in the unit this import is for"));
            return null;
        }
        return unitId.get();
    }

    private static List<FeedbackIndicator> indicators(String text, String defaultFramework, Columns columns,
            List<FeedbackImportReport.RowProblem> problems) {
        List<FeedbackIndicator> indicators = new ArrayList<>();
        if (text.isEmpty()) {
            return indicators;
        }
        for (String item : text.split("[;,；，、\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            int slash = item.indexOf('/');
            if (slash > 0 && slash < item.length() - 1) {
                indicators.add(new FeedbackIndicator(item.substring(0, slash), item.substring(slash + 1)));
            } else if (slash < 0 && defaultFramework != null && !defaultFramework.isBlank()) {
                indicators.add(new FeedbackIndicator(defaultFramework.strip(), item));
            } else {
                problems.add(columns.problem(Field.INDICATORS, "indicator-format", "'" + item
                        + "' is not FRAMEWORK/indicator (or set defaultFramework in the mapping)"));
            }
        }
        return indicators;
    }

    /** The fields of an item that a column can hold, with the command field each one fills. */
    enum Field {
        CHANNEL("channel", false, FeedbackColumnMapping::channel),
        EXTERNAL_ID("externalId", true, FeedbackColumnMapping::externalId),
        RECEIVED_ON("receivedOn", true, FeedbackColumnMapping::receivedOn),
        KIND("kind", false, FeedbackColumnMapping::kind),
        CATEGORY("category", true, FeedbackColumnMapping::category),
        TEXT("text", true, FeedbackColumnMapping::text),
        SATISFACTION("satisfaction", false, FeedbackColumnMapping::satisfaction),
        UNIT_CODE("unitCode", false, FeedbackColumnMapping::unitCode),
        INDICATORS("indicators", false, FeedbackColumnMapping::indicators);

        final String field;
        final boolean required;
        final Function<FeedbackColumnMapping, String> header;

        Field(String field, boolean required, Function<FeedbackColumnMapping, String> header) {
            this.field = field;
            this.required = required;
            this.header = header;
        }
    }

    /** The mapping resolved against a file's header: the index of each mapped field's column. */
    record Columns(Map<Field, Integer> index, Map<Field, String> headers) {

        static Columns resolve(List<String> header, FeedbackColumnMapping mapping, boolean explicit) {
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byName.putIfAbsent(normalise(header.get(i)), i);
            }
            List<FeedbackImportRejectedException.FileProblem> problems = new ArrayList<>();
            if (header.isEmpty()) {
                throw FeedbackImportRejectedException.ofFile("header-missing", "file",
                        "the file has no header row naming its columns");
            }
            Map<Field, Integer> index = new LinkedHashMap<>();
            Map<Field, String> headers = new LinkedHashMap<>();
            for (Field field : Field.values()) {
                String name = field.header.apply(mapping);
                if (name == null || name.isBlank()) {
                    if (field.required) {
                        problems.add(new FeedbackImportRejectedException.FileProblem("mapping." + field.field,
                                "mapping-missing", "say which column holds " + field.field));
                    }
                    continue;
                }
                Integer column = byName.get(normalise(name));
                if (column == null) {
                    if (field.required || explicit) {
                        problems.add(new FeedbackImportRejectedException.FileProblem("mapping." + field.field,
                                "column-missing", "the file has no column '" + name + "'; its columns are "
                                        + String.join(", ", header)));
                    }
                    continue;
                }
                index.put(field, column);
                headers.put(field, header.get(column));
            }
            if (!index.containsKey(Field.CHANNEL) && mapping.defaultChannel() == null) {
                problems.add(new FeedbackImportRejectedException.FileProblem("mapping.channel", "mapping-missing",
                        "say which column holds the channel, or set defaultChannel for a file of one channel"));
            }
            if (!problems.isEmpty()) {
                throw FeedbackImportRejectedException.ofFile(problems);
            }
            return new Columns(index, headers);
        }

        private static String normalise(String name) {
            return name.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        }

        String cell(FeedbackSheet.SheetRow row, Field field) {
            Integer column = index.get(field);
            return column == null ? "" : row.cell(column);
        }

        FeedbackImportReport.RowProblem problem(Field field, String code, String message) {
            return new FeedbackImportReport.RowProblem(headers.get(field), code, message);
        }

        /** The source column of a command field such as {@code receivedOn} or {@code indicators[1].indicatorCode}. */
        String headerOf(String commandField) {
            if (commandField == null) {
                return null;
            }
            String stem = commandField.split("[\\[.]", 2)[0];
            for (Field field : Field.values()) {
                if (field.field.equals(stem)) {
                    return headers.get(field);
                }
            }
            return null;
        }
    }
}
