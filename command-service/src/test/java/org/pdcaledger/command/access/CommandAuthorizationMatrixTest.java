package org.pdcaledger.command.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.support.security.AuthorizationMatrixContract;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Every command endpoint × role × in/out of scope, as {@code src/test/resources/authorization-matrix.md} says.
 * The tree: a city with bureaus A (in scope) and B (out of scope); each write gets a fresh target under A, brought
 * by an administrator of every unit into the state the command needs (an assessment rated and submitted, an
 * initiative planned, executing, measured or checked), assessed against a one-indicator framework.
 */
@CommandServiceTest
class CommandAuthorizationMatrixTest extends AuthorizationMatrixContract {

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");
    private static final String FRAMEWORK = "MATRIX";
    private static final String INDICATOR = "only";
    private static final String FRAMEWORK_YAML = """
            code: MATRIX
            version: 1
            name: { zh: 矩阵框架, en: Matrix framework }
            dimensions:
              - code: d1
                name: { zh: 维度, en: Dimension }
                indicators:
                  - code: only
                    name: { zh: 指标, en: Indicator }
                    levels:
                      - { level: 1, zh: 一级, en: One }
                      - { level: 2, zh: 二级, en: Two }
                      - { level: 3, zh: 三级, en: Three }
                      - { level: 4, zh: 四级, en: Four }
                      - { level: 5, zh: 五级, en: Five }
            """;

    private String city;
    private String bureauA;
    private String bureauACode;
    private String bureauB;
    private String lastActionId;

    @Override
    protected String inScopeUnit() {
        return tree()[1];
    }

    @Override
    protected String outOfScopeUnit() {
        return tree()[2];
    }

    @Override
    protected String placeholder(String name) {
        return switch (name) {
            case "bureau" -> inScopeUnit();
            case "bureauCode" -> {
                tree();
                yield bureauACode;
            }
            case "unitId" -> register("D", inScopeUnit());
            case "framework" -> FRAMEWORK;
            case "indicator" -> INDICATOR;
            case "assessmentId" -> assessment(0);
            case "ratedAssessmentId" -> assessment(1);
            case "submittedAssessmentId" -> assessment(2);
            case "initiativeId" -> initiative(0);
            case "plannedInitiativeId" -> initiative(1);
            case "executingInitiativeId" -> initiative(2);
            case "measuredInitiativeId" -> initiative(3);
            case "checkedInitiativeId" -> initiative(4);
            case "actionId" -> lastActionId;
            case "externalId" -> "MX-" + UUID.randomUUID();
            case "feedbackId" -> feedback();
            default -> null;
        };
    }

    private String[] tree() {
        if (city == null) {
            send(post("/api/frameworks").contentType("application/yaml").content(FRAMEWORK_YAML),
                    status().is2xxSuccessful()); // 200 when an earlier test instance published it
            city = register("CITY", null);
            bureauACode = "BA-" + UUID.randomUUID().toString().substring(0, 8);
            bureauA = registerWithCode(bureauACode, city);
            bureauB = register("BB", city);
        }
        return new String[] {city, bureauA, bureauB};
    }

    /** A fresh assessment of a new division under A: {@code steps} 0 = draft, 1 = rated, 2 = submitted. */
    private String assessment(int steps) {
        String id = read(send(post("/api/assessments").contentType(MediaType.APPLICATION_JSON).content("""
                {"unitId":"%s","frameworkCode":"%s","period":{"type":"YEAR","value":"2026"},"kind":"SELF"}"""
                .formatted(register("D", inScopeUnit()), FRAMEWORK)), status().isCreated()), "$.assessmentId");
        if (steps >= 1) {
            send(put("/api/assessments/" + id + "/ratings/" + INDICATOR).header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"currentLevel\":2,\"targetLevel\":4}"),
                    status().isOk());
        }
        if (steps >= 2) {
            send(post("/api/assessments/" + id + "/submit").header("If-Match", "\"1\""), status().isOk());
        }
        return id;
    }

    /**
     * A fresh initiative of a new division under A: {@code steps} 0 = launched, 1 = planned with one action
     * ({@link #lastActionId}), 2 = executing, 3 = measured, 4 = checked.
     */
    private String initiative(int steps) {
        String id = read(send(post("/api/initiatives").contentType(MediaType.APPLICATION_JSON).content("""
                {"unitId":"%s","title":"压缩公文办理时长","problemStatement":"公文办理平均需要10天","owner":"li",
                 "gaps":[{"frameworkCode":"%s","indicatorCode":"%s"}],
                 "metric":{"name":"公文办理时长","unitOfMeasure":"天","baseline":10,"target":4,
                           "direction":"LOWER_IS_BETTER"}}""".formatted(register("D", inScopeUnit()), FRAMEWORK,
                INDICATOR)), status().isCreated()), "$.initiativeId");
        String base = "/api/initiatives/" + id;
        if (steps >= 1) {
            lastActionId = read(send(post(base + "/plan").header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"objective":"三天办结","hypothesis":"减少签批环节","successCriterion":"平均不超过4天",
                             "actions":[{"description":"精简签批","owner":"li","dueDate":"2030-01-31"}]}"""),
                    status().isOk()), "$.actionIds[0]");
        }
        if (steps >= 2) {
            send(post(base + "/do").header("If-Match", "\"1\""), status().isOk());
        }
        if (steps >= 3) {
            send(post(base + "/measurements").header("If-Match", "\"2\"").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"value\":5,\"measuredOn\":\"2026-01-15\"}"), status().isOk());
        }
        if (steps >= 4) {
            send(post(base + "/check").header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"analysis\":\"接近目标\"}"), status().isOk());
        }
        return id;
    }

    /** A fresh 12345 hotline item of bureau A. */
    private String feedback() {
        return read(send(post("/api/feedback").contentType(MediaType.APPLICATION_JSON).content("""
                {"unitId":"%s","channel":"HOTLINE_12345","externalId":"MX-%s","receivedOn":"2026-01-05",
                 "category":"办事效率","text":"排队时间长"}""".formatted(inScopeUnit(), UUID.randomUUID())),
                status().isCreated()), "$.feedbackId");
    }

    private String register(String prefix, String parentId) {
        return registerWithCode(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), parentId);
    }

    private String registerWithCode(String code, String parentId) {
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        return read(send(post("/api/units").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"name\":{\"zh\":\"单位\",\"en\":\"Unit\"}" + parent + "}"),
                status().isCreated()), "$.unitId");
    }

    private String send(MockHttpServletRequestBuilder request, ResultMatcher expected) {
        try {
            return http.perform(request.header("Authorization", ADMIN)).andExpect(expected).andReturn()
                    .getResponse().getContentAsString();
        } catch (Exception | AssertionError e) {
            throw new IllegalStateException("cannot prepare a target for the matrix", e);
        }
    }

    private static String read(String json, String path) {
        return JsonPath.read(json, path);
    }
}
