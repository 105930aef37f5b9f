package org.pdcaledger.command.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads a framework document (YAML or JSON) into a {@link FrameworkDefinition}, or rejects it with every problem
 * listed by its path in the document. Two passes: the JSON Schema {@code frameworks/schema/framework.schema.json}
 * (shape, types, unknown fields, missing translations, levels within 1–5, weights positive), then
 * {@link FrameworkRules} for what a schema cannot express (unique codes across the framework, each level exactly
 * once, weights on all siblings or none). A problem found by both passes at the same path is reported once.
 */
@Component
public class FrameworkDocuments {

    /** The syntaxes a framework document may be written in. */
    public enum Syntax { YAML, JSON }

    static final String SCHEMA = "/frameworks/schema/framework.schema.json";
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

    private final JsonSchema schema;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final ObjectMapper binder = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public FrameworkDocuments() {
        try (InputStream in = FrameworkDocuments.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("framework schema missing from the classpath: " + SCHEMA);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws FrameworkDocumentRejectedException with every problem of the document; nothing has been stored
     */
    public FrameworkDefinition read(byte[] document, Syntax syntax) {
        JsonNode tree;
        try {
            tree = syntax == Syntax.YAML ? readYaml(document) : json.readTree(document);
        } catch (YAMLException e) {
            throw new FrameworkDocumentRejectedException(List.of(new DocumentProblem("body", "malformed-yaml",
                    "is not well-formed YAML: " + e.getMessage().replaceAll("\\s+", " ").strip())), true);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new FrameworkDocumentRejectedException(List.of(new DocumentProblem("body",
                    syntax == Syntax.YAML ? "malformed-yaml" : "malformed-json",
                    "is not well-formed " + syntax + where + ": " + e.getOriginalMessage())), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new FrameworkDocumentRejectedException(List.of(
                    new DocumentProblem("body", "empty", "the document is empty")), true);
        }
        List<DocumentProblem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(tree)) {
            problems.add(fromSchema(message));
        }
        FrameworkDefinition definition = null;
        try {
            definition = binder.treeToValue(tree, FrameworkDefinition.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // the schema has reported why the shape is wrong
        }
        if (definition != null) {
            Set<String> reported = new HashSet<>();
            problems.forEach(problem -> reported.add(problem.field()));
            FrameworkRules.problems(definition).stream()
                    .filter(problem -> !reported.contains(problem.field()))
                    .forEach(problems::add);
        }
        if (!problems.isEmpty() || definition == null) {
            if (problems.isEmpty()) {
                problems.add(new DocumentProblem("body", "invalid", "is not a framework document"));
            }
            problems.sort(Comparator.comparing((DocumentProblem p) -> sortKey(p.field()))
                    .thenComparing(DocumentProblem::code));
            throw new FrameworkDocumentRejectedException(problems, false);
        }
        return definition;
    }

    /**
     * YAML is read with SnakeYAML's safe loader (plain maps, lists and scalars; no custom types), which resolves
     * anchors and aliases (a level list written once and reused), refuses duplicate keys and caps alias expansion.
     */
    private JsonNode readYaml(byte[] document) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        options.setCodePointLimit(MAX_CODE_POINTS);
        Object loaded = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options).load(
                new java.io.InputStreamReader(new java.io.ByteArrayInputStream(document),
                        java.nio.charset.StandardCharsets.UTF_8));
        return binder.valueToTree(loaded);
    }

    private static DocumentProblem fromSchema(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        at = at.startsWith("$.") ? at.substring(2) : at.startsWith("$") ? at.substring(1) : at;
        String type = message.getType();
        String code;
        String text;
        if ("required".equals(type)) {
            at = join(at, message.getProperty());
            code = at.endsWith(".zh") || at.endsWith(".en") || at.equals("zh") || at.equals("en")
                    ? "translation-missing" : "required";
            text = code.equals("translation-missing") ? "the text is needed in both languages" : "is required";
        } else if ("additionalProperties".equals(type)) {
            at = join(at, message.getProperty());
            code = "unknown-field";
            text = "is not a known field";
        } else if ("minLength".equals(type) && (at.endsWith(".zh") || at.endsWith(".en"))) {
            code = "translation-missing";
            text = "the text is needed in both languages";
        } else if ("minimum".equals(type) || "maximum".equals(type)) {
            code = at.endsWith(".level") ? "level-out-of-range" : "out-of-range";
            text = message.getError();
        } else if ("exclusiveMinimum".equals(type) && at.endsWith(".weight")) {
            code = "weight-invalid";
            text = "a weight is a positive number";
        } else if (("minItems".equals(type) || "maxItems".equals(type)) && at.endsWith(".levels")) {
            code = "levels-count";
            text = "every indicator describes exactly the levels 1 to 5";
        } else {
            code = type == null ? "invalid" : type.replaceAll("(?<=[a-z])(?=[A-Z])", "-").toLowerCase();
            text = message.getError();
        }
        return new DocumentProblem(at.isEmpty() ? "body" : at, code, text);
    }

    private static String join(String at, String property) {
        if (property == null) {
            return at;
        }
        return at.isEmpty() ? property : at + "." + property;
    }

    private static String sortKey(String field) {
        Matcher numbers = NUMBER.matcher(field);
        StringBuilder key = new StringBuilder();
        while (numbers.find()) {
            numbers.appendReplacement(key, String.format("%08d", Long.parseLong(numbers.group())));
        }
        numbers.appendTail(key);
        return key.toString();
    }
}
