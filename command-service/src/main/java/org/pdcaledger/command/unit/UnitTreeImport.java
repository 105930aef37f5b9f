package org.pdcaledger.command.unit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.CurrentCaller;
import org.pdcaledger.support.security.ScopeGuard;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a unit tree from a CSV file: a header row {@code code,parent_code,name_zh,name_en}, then one unit per
 * row. A parent code names either another row of the file or a unit already in the tree; an empty parent code makes
 * a root.
 * <p>
 * All or nothing, in two steps: every row is checked first and the file is rejected with every problem listed by
 * row and column (a file that places a unit outside the caller's ADMIN scope is refused as a whole with 403, as a
 * single registration would be); then the units are registered parents first, each through the ordinary
 * {@link RegisterUnitCommand} (so every rule and scope check of a single registration applies), all inside one
 * database transaction, so a failure half-way (a code taken concurrently) stores nothing either.
 */
@Component
class UnitTreeImport {

    static final List<String> COLUMNS = List.of("code", "parent_code", "name_zh", "name_en");
    static final int MAX_ROWS = 5_000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private static final int MAX_NAME = 200;
    private static final String NOT_IN_SCOPE = "not-in-scope";

    private final CommandGateway commands;
    private final UnitTreeTable tree;
    private final ScopeGuard scopes;
    private final TransactionTemplate transaction;

    UnitTreeImport(CommandGateway commands, UnitTreeTable tree, ScopeGuard scopes,
            PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.tree = tree;
        this.scopes = scopes;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** One registered unit of an import: the row it came from and the id it got. */
    record ImportedUnit(int row, String code, String unitId, String parentId) {
    }

    /** One problem with the file: the row (the header is row 1), the column ({@code null} for the whole row). */
    record RowProblem(int row, String column, String code, String message) {
    }

    private record Row(int number, String code, String parentCode, LocalizedName name) {
    }

    List<ImportedUnit> importCsv(String csv) {
        Caller caller = CurrentCaller.get();
        List<RowProblem> problems = new ArrayList<>();
        List<Row> rows = read(csv, problems);
        if (problems.isEmpty()) {
            check(rows, caller, problems);
        }
        List<String> outOfScope = problems.stream().filter(p -> NOT_IN_SCOPE.equals(p.code()))
                .map(p -> "row " + p.row() + ": " + p.message()).toList();
        if (!outOfScope.isEmpty()) {
            // a scope refusal is a 403 like every other command's, not one more problem of the file
            throw new AccessDeniedException("the file places units outside your scope; " + String.join("; ",
                    outOfScope));
        }
        if (!problems.isEmpty()) {
            throw new UnitImportRejectedException(problems);
        }
        List<Row> ordered = parentsFirst(rows);
        return transaction.execute(status -> register(ordered));
    }

    private List<ImportedUnit> register(List<Row> ordered) {
        Map<String, String> idsByCode = new HashMap<>();
        List<ImportedUnit> imported = new ArrayList<>();
        for (Row row : ordered) {
            String parentId = row.parentCode() == null ? null
                    : Optional.ofNullable(idsByCode.get(row.parentCode()))
                            .orElseGet(() -> tree.unitWithCode(row.parentCode()).orElseThrow());
            String unitId = "u-" + UUID.randomUUID();
            commands.sendAndWait(new RegisterUnitCommand(unitId, row.code(), row.name(), parentId));
            idsByCode.put(row.code(), unitId);
            imported.add(new ImportedUnit(row.number(), row.code(), unitId, parentId));
        }
        return imported;
    }

    private static List<Row> read(String csv, List<RowProblem> problems) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                int number = (int) record.getRecordNumber();
                if (header) {
                    header = false;
                    List<String> names = record.stream()
                            .map(name -> name.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_")).toList();
                    if (!names.equals(COLUMNS)) {
                        problems.add(new RowProblem(number, null, "header-invalid",
                                "the first row must name the columns " + String.join(",", COLUMNS)));
                        return rows;
                    }
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    problems.add(new RowProblem(number, null, "too-many-rows",
                            "a file may register at most " + MAX_ROWS + " units"));
                    return rows;
                }
                if (record.size() != COLUMNS.size()) {
                    problems.add(new RowProblem(number, null, "column-count",
                            "has " + record.size() + " columns, expected " + COLUMNS.size()));
                    continue;
                }
                rows.add(new Row(number, record.get(0), record.get(1).isEmpty() ? null : record.get(1),
                        new LocalizedName(record.get(2), record.get(3))));
            }
            if (header) {
                problems.add(new RowProblem(1, null, "header-invalid",
                        "the file is empty; the first row must name the columns " + String.join(",", COLUMNS)));
            } else if (rows.isEmpty() && problems.isEmpty()) {
                problems.add(new RowProblem(1, null, "no-rows", "the file has a header but no units"));
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            problems.add(new RowProblem(0, null, "csv-malformed", "the file is not well-formed CSV: "
                    + e.getMessage()));
        }
        return rows;
    }

    private void check(List<Row> rows, Caller caller, List<RowProblem> problems) {
        Map<String, Row> byCode = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.code().isEmpty()) {
                problems.add(new RowProblem(row.number(), "code", "required", "a unit needs a code"));
            } else if (!CODE.matcher(row.code()).matches()) {
                problems.add(new RowProblem(row.number(), "code", "code-invalid",
                        "'" + row.code() + "' is not a code: letters, digits, - and _, at most 40"));
            } else if (byCode.containsKey(row.code())) {
                problems.add(new RowProblem(row.number(), "code", "code-duplicate",
                        row.code() + " is also on row " + byCode.get(row.code()).number()));
            } else {
                byCode.put(row.code(), row);
                tree.unitWithCode(row.code()).ifPresent(existing -> problems.add(new RowProblem(row.number(), "code",
                        "code-taken", row.code() + " is already used by unit " + existing)));
            }
            checkName(row.number(), "name_zh", row.name().zh(), problems);
            checkName(row.number(), "name_en", row.name().en(), problems);
        }
        for (Row row : rows) {
            checkParent(row, byCode, caller, problems);
        }
        problems.sort(java.util.Comparator.comparingInt(RowProblem::row)
                .thenComparingInt(p -> p.column() == null ? -1 : COLUMNS.indexOf(p.column())));
    }

    private void checkParent(Row row, Map<String, Row> byCode, Caller caller, List<RowProblem> problems) {
        String parent = row.parentCode();
        if (parent == null) {
            if (!scopes.covers(caller, Grant.ALL_UNITS, Role.ADMIN)) {
                problems.add(new RowProblem(row.number(), "parent_code", NOT_IN_SCOPE,
                        "only an administrator of every unit may register a root unit"));
            }
            return;
        }
        if (parent.equals(row.code())) {
            problems.add(new RowProblem(row.number(), "parent_code", "parent-is-self", "a unit cannot be its own parent"));
            return;
        }
        if (byCode.containsKey(parent)) {
            if (reachesItself(row, byCode)) {
                problems.add(new RowProblem(row.number(), "parent_code", "parent-cycle",
                        "the parent codes of the file go round in a circle through " + row.code()));
            }
            return;
        }
        Optional<String> existing = tree.unitWithCode(parent);
        if (existing.isEmpty()) {
            problems.add(new RowProblem(row.number(), "parent_code", "parent-unknown",
                    "no unit with code " + parent + " in the file or in the tree"));
        } else if (tree.isRetired(existing.get())) {
            problems.add(new RowProblem(row.number(), "parent_code", "parent-retired",
                    "unit " + parent + " is retired and takes no new units"));
        } else if (!scopes.covers(caller, existing.get(), Role.ADMIN)) {
            problems.add(new RowProblem(row.number(), "parent_code", NOT_IN_SCOPE,
                    "you have no ADMIN grant that covers unit " + parent));
        }
    }

    private static boolean reachesItself(Row start, Map<String, Row> byCode) {
        Set<String> seen = new HashSet<>();
        Row current = start;
        while (current != null && current.parentCode() != null && seen.add(current.code())) {
            current = byCode.get(current.parentCode());
            if (current == start) {
                return true;
            }
        }
        return false;
    }

    private static void checkName(int row, String column, String value, List<RowProblem> problems) {
        if (value.isEmpty()) {
            problems.add(new RowProblem(row, column, "translation-missing", "the name is needed in both languages"));
        } else if (value.length() > MAX_NAME) {
            problems.add(new RowProblem(row, column, "too-long", "at most " + MAX_NAME + " characters"));
        }
    }

    /** Rows whose parent is outside the file first, then each row after its parent, in file order otherwise. */
    private static List<Row> parentsFirst(List<Row> rows) {
        Map<String, List<Row>> children = new HashMap<>();
        Set<String> codes = new HashSet<>();
        rows.forEach(row -> codes.add(row.code()));
        Deque<Row> ready = new ArrayDeque<>();
        for (Row row : rows) {
            if (row.parentCode() == null || !codes.contains(row.parentCode())) {
                ready.add(row);
            } else {
                children.computeIfAbsent(row.parentCode(), code -> new ArrayList<>()).add(row);
            }
        }
        List<Row> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            Row row = ready.poll();
            ordered.add(row);
            ready.addAll(children.getOrDefault(row.code(), List.of()));
        }
        return ordered;
    }
}
