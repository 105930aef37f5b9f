package org.pdcaledger.command.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo city government as data ({@code classpath:demo/organisation.yaml} and {@code demo/initiatives.yaml}):
 * who exists, who rates what when, and what each improvement team did. Dates are days relative to the day the demo
 * is loaded (negative: in the past), so the history always ends just before "today".
 */
record DemoData(Organisation organisation, List<InitiativeSpec> initiatives) {

    static final String ORGANISATION = "demo/organisation.yaml";
    static final String INITIATIVES = "demo/initiatives.yaml";

    /** The built-in demo, read from the class path. */
    static DemoData builtIn() {
        return new DemoData(read(ORGANISATION, Organisation.class), List.of(read(INITIATIVES, InitiativeSpec[].class)));
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo data " + resource + " is missing from the class path");
            }
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .convertValue(tree, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param root        the municipal government, the root of the demo tree; its code tells whether the demo exists
     * @param bureaus     the bureaus under the root, each with its divisions
     * @param accounts    the demo accounts of web-ui that act in the history (admin, assessor, reviewer)
     * @param staff       the members of the bureaus' improvement teams; they act on their bureau's initiatives
     * @param assessments which units are rated against which framework in which of the four quarters
     * @param pilots      bureaus that started the quality programme first and improve faster
     * @param setbacks    scripted drops in maturity, with the reason the assessor noted
     */
    record Organisation(UnitSpec root, List<UnitSpec> bureaus, Map<String, Person> accounts, List<Person> staff,
            List<AssessmentPlan> assessments, List<String> pilots, List<Setback> setbacks) {

        List<UnitSpec> allUnits() {
            List<UnitSpec> units = new ArrayList<>();
            units.add(root);
            for (UnitSpec bureau : bureaus) {
                units.add(bureau);
                units.addAll(bureau.divisions());
            }
            return units;
        }

        Person account(String role) {
            Person person = accounts.get(role);
            if (person == null) {
                throw new IllegalStateException("demo data names no " + role + " account");
            }
            return person;
        }

        Optional<Person> staffMember(String user) {
            return staff.stream().filter(p -> p.user().equals(user)).findFirst();
        }

        /** The bureau a unit belongs to (a bureau belongs to itself); empty for the root. */
        Optional<UnitSpec> bureauOf(String unitCode) {
            return bureaus.stream().filter(b -> b.code().equals(unitCode)
                    || b.divisions().stream().anyMatch(d -> d.code().equals(unitCode))).findFirst();
        }
    }

    record UnitSpec(String code, String zh, String en, List<UnitSpec> divisions) {

        UnitSpec {
            divisions = divisions == null ? List.of() : divisions;
        }
    }

    /** A person as the history names them: user name and display name; staff belong to a bureau. */
    record Person(String user, String name, String bureau) {
    }

    /**
     * @param units       unit codes rated
     * @param divisionsOf bureau codes whose divisions are rated
     * @param quarters    which of the four quarters (1 = the oldest)
     */
    record AssessmentPlan(String framework, List<String> units, List<String> divisionsOf, List<Integer> quarters,
            AssessmentKind kind) {

        AssessmentPlan {
            units = units == null ? List.of() : units;
            divisionsOf = divisionsOf == null ? List.of() : divisionsOf;
            kind = kind == null ? AssessmentKind.SELF : kind;
        }
    }

    record Setback(String unit, String framework, int quarter, List<String> indicators, String note) {
    }

    /**
     * One improvement initiative and what its team did, cycle by cycle. The last cycle ends in {@code stage}; every
     * earlier cycle ended in an adjustment.
     *
     * @param key     makes the id {@code i-demo-<key>}
     * @param gaps    {@code FRAMEWORK/indicator}
     * @param overdue in an open cycle, leave the first action that is past due open
     * @param planned for {@link InitiativeStage#PLANNING}: whether the plan is already recorded
     */
    record InitiativeSpec(String key, String unit, String owner, List<String> team, String title, String problem,
            List<String> gaps, MetricSpec metric, InitiativeStage stage, boolean overdue, Boolean planned,
            List<CycleSpec> cycles) {

        InitiativeSpec {
            team = team == null ? List.of() : team;
            gaps = gaps == null ? List.of() : gaps;
            planned = planned == null || planned;
        }
    }

    record MetricSpec(String name, String unit, BigDecimal baseline, BigDecimal target, MetricDirection direction,
            Integer decimals) {

        int scale() {
            return decimals == null ? 1 : decimals;
        }
    }

    /**
     * @param start     day the cycle starts, for the first cycle only (later cycles start at the previous decision)
     * @param span      days from the cycle's start to its Act decision (default 90)
     * @param values    the measurements, oldest first; generated towards {@code outcome} when left out
     * @param outcome   what the measurements give at the Check
     * @param concluded the team's conclusion when it differs from {@code outcome}, with {@code override} as reason
     * @param act       the decision's text: what was standardised, why adjusted, or why abandoned
     * @param document  for a standardisation: the procedure or document that now carries it
     * @param carry     numbers (1-based) of this cycle's actions carried, still open, into the next cycle
     */
    record CycleSpec(Integer start, Integer span, String objective, String hypothesis, String criterion,
            List<ActionSpec> actions, List<String> observations, List<BigDecimal> values, CheckResult outcome,
            CheckResult concluded, String override, String analysis, String act, String document,
            List<Integer> carry) {

        CycleSpec {
            actions = actions == null ? List.of() : actions;
            observations = observations == null ? List.of() : observations;
            values = values == null ? List.of() : values;
            carry = carry == null ? List.of() : carry;
        }

        int days() {
            return span == null ? 90 : span;
        }
    }

    record ActionSpec(String task, String owner) {
    }
}
