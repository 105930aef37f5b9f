package org.pdcaledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pdcaledger.kernel.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix of one service: every endpoint the service maps, called by every role with a grant that
 * covers the target unit (in scope) and with a grant on a sibling bureau only (out of scope), against the expected
 * outcome written in {@code src/test/resources/authorization-matrix.md}. An endpoint missing from the file fails
 * the test, and so does a line whose endpoint no longer exists.
 * <p>
 * The file is a Markdown table, one line per endpoint:
 * <pre>
 * | endpoint | request | headers | body | ADMIN | LEADER | ASSESSOR | IMPROVER | INTEGRATOR |
 * | PUT /api/units/{unitId} | | If-Match: "0" | {"name":{"zh":"甲","en":"A"}} | allow / deny | deny / deny | ... |
 * </pre>
 * <ul>
 * <li>{@code endpoint}: the method and path pattern exactly as Spring maps it (the failure message prints it).</li>
 * <li>{@code request}: the path to call, with a query string if the endpoint needs one; blank = the pattern.</li>
 * <li>{@code headers}: {@code Name: value} pairs separated by {@code ;}; {@code body}: sent as the body, JSON
 * unless a {@code Content-Type} header says otherwise; {@code \n} in it stands for a line break (for CSV).</li>
 * <li>Each role cell: {@code in / out}, each one of {@code allow} (anything but 401, 403, 404 or a 5xx: the
 * request passed the checks), {@code deny} (403) or {@code hide} (404: the caller must not even learn that the
 * target exists).</li>
 * </ul>
 * Placeholders {@code {name}} in the request, headers and body are filled by {@link #placeholder(String)}, asked
 * afresh for every call (so a write can get a fresh target each time); {@code {n}} is a number unique per call.
 * In-scope callers hold {@code ROLE@}{@link #inScopeUnit()}, out-of-scope callers {@code ROLE@}{@link
 * #outOfScopeUnit()}; the target of every request must lie in the in-scope unit's subtree. INTEGRATOR is called with
 * a client token.
 */
public abstract class AuthorizationMatrixContract {

    private static final String MATRIX = "/authorization-matrix.md";
    private static final List<Role> ROLES = List.of(Role.values());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    @Autowired
    protected MockMvc http;
    @Autowired
    protected ApplicationContext context;

    private final AtomicInteger counter = new AtomicInteger();

    /** The unit the in-scope grants name; every request's target lies in its subtree. */
    protected abstract String inScopeUnit();

    /** A unit outside {@link #inScopeUnit()}'s subtree (a sibling bureau). */
    protected abstract String outOfScopeUnit();

    /** The value of {@code {name}} for one call. */
    protected abstract String placeholder(String name);

    @Test
    void everyEndpoint_hasAnEntry_andEveryEntryAnEndpoint() {
        Set<String> mapped = mappedEndpoints();
        Set<String> listed = new TreeSet<>(entries().keySet());
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(mapped);
        if (!missing.isEmpty() || !stale.isEmpty()) {
            StringBuilder message = new StringBuilder("src/test/resources" + MATRIX + " is out of date.\n");
            missing.forEach(endpoint -> message.append("  add a line for: | ").append(endpoint)
                    .append(" | | | | ? / ? | ? / ? | ? / ? | ? / ? | ? / ? |\n"));
            stale.forEach(endpoint -> message.append("  remove the line for (no such endpoint): ")
                    .append(endpoint).append('\n'));
            fail(message.toString());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpoint_answersEachRoleAndScope_asTheMatrixSays() {
        return entries().values().stream().flatMap(entry -> ROLES.stream().flatMap(role -> Stream.of(
                DynamicTest.dynamicTest(entry.endpoint() + " · " + role + " in scope → " + entry.expected(role, true),
                        () -> check(entry, role, true)),
                DynamicTest.dynamicTest(entry.endpoint() + " · " + role + " out of scope → "
                        + entry.expected(role, false), () -> check(entry, role, false)))));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpoint_is401_withoutAToken() {
        return entries().values().stream().map(entry -> DynamicTest.dynamicTest(entry.endpoint(), () -> {
            int status = http.perform(request(entry, null)).andReturn().getResponse().getStatus();
            assertThat(status).as(entry.endpoint() + " without a token").isEqualTo(401);
        }));
    }

    private void check(Entry entry, Role role, boolean inScope) throws Exception {
        String unit = inScope ? inScopeUnit() : outOfScopeUnit();
        String token = role == Role.INTEGRATOR
                ? TestIdentityTokens.client("matrix-integrator", role.name() + "@" + unit)
                : TestIdentityTokens.person("matrix-" + role.name().toLowerCase(), role.name() + "@" + unit);
        var response = http.perform(request(entry, token)).andReturn().getResponse();
        int status = response.getStatus();
        Outcome expected = entry.expected(role, inScope);
        String what = entry.endpoint() + " as " + role + (inScope ? " in scope" : " out of scope")
                + " answered " + status + " " + response.getContentAsString();
        switch (expected) {
            case ALLOW -> assertThat(status).as(what).isNotIn(401, 403, 404).isLessThan(500);
            case DENY -> assertThat(status).as(what).isEqualTo(403);
            case HIDE -> assertThat(status).as(what).isEqualTo(404);
        }
    }

    private MockHttpServletRequestBuilder request(Entry entry, String token) {
        int n = counter.incrementAndGet();
        String path = fill(entry.request(), n);
        MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(entry.method()),
                path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        MediaType contentType = MediaType.APPLICATION_JSON;
        for (String header : entry.headers()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = fill(header.substring(colon + 1).trim(), n);
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = MediaType.parseMediaType(value);
            } else {
                builder.header(name, value);
            }
        }
        if (!entry.body().isBlank()) {
            builder.contentType(contentType).content(fill(entry.body(), n).replace("\\n", "\n"));
        }
        return builder;
    }

    private String fill(String text, int n) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = "n".equals(name) ? Integer.toString(n) : placeholder(name);
            if (value == null) {
                throw new IllegalStateException("no value for placeholder {" + name + "}; add it to "
                        + getClass().getSimpleName() + ".placeholder");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** Every {@code METHOD /path/{var}} this service's controllers map, except Spring's own {@code /error}. */
    protected Set<String> mappedEndpoints() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues()
                    : info.getPatternValues();
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("ANY")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String pattern : patterns) {
                if (pattern.equals("/error")) {
                    continue;
                }
                methods.forEach(m -> endpoints.add(m + " " + pattern));
            }
        });
        return endpoints;
    }

    private Map<String, Entry> entries() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : readMatrix()) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("|") || trimmed.startsWith("|-") || trimmed.startsWith("| endpoint")
                    || trimmed.matches("\\|[\\s:|-]+")) {
                continue;
            }
            Entry entry = Entry.parse(trimmed);
            if (entries.put(entry.endpoint(), entry) != null) {
                throw new IllegalStateException("the matrix lists " + entry.endpoint() + " twice");
            }
        }
        return entries;
    }

    private static List<String> readMatrix() {
        try (InputStream in = AuthorizationMatrixContract.class.getResourceAsStream(MATRIX)) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources" + MATRIX + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    enum Outcome {
        ALLOW, DENY, HIDE;

        static Outcome parse(String text) {
            return valueOf(text.trim().toUpperCase());
        }

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    record Entry(String endpoint, String method, String request, List<String> headers, String body,
            Map<Role, Outcome[]> outcomes) {

        Outcome expected(Role role, boolean inScope) {
            return outcomes.get(role)[inScope ? 0 : 1];
        }

        static Entry parse(String line) {
            List<String> cells = new ArrayList<>(Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|",
                    -1)).map(String::trim).toList());
            if (cells.size() != 4 + ROLES.size()) {
                throw new IllegalStateException("a matrix line needs " + (4 + ROLES.size()) + " cells: " + line);
            }
            String endpoint = cells.get(0).replaceAll("\\s+", " ");
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String request = cells.get(1).isBlank() ? endpoint.substring(endpoint.indexOf(' ') + 1) : cells.get(1);
            List<String> headers = cells.get(2).isBlank() ? List.of()
                    : Arrays.stream(cells.get(2).split(";")).map(String::trim).filter(h -> !h.isEmpty()).toList();
            Map<Role, Outcome[]> outcomes = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String[] pair = cells.get(4 + i).split("/");
                if (pair.length != 2) {
                    throw new IllegalStateException("write '" + ROLES.get(i) + "' as 'in / out' in: " + line);
                }
                outcomes.put(ROLES.get(i), new Outcome[] {Outcome.parse(pair[0]), Outcome.parse(pair[1])});
            }
            return new Entry(endpoint, "ANY".equals(method) ? "GET" : method, request, headers, cells.get(3),
                    outcomes);
        }
    }
}
