package org.pdcaledger.command.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.support.security.AuthorizationMatrixContract;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

/**
 * Every command endpoint × role × in/out of scope, as {@code src/test/resources/authorization-matrix.md} says.
 * The tree: a city with bureaus A (in scope) and B (out of scope); each write gets a fresh division under A.
 * A feature whose endpoints need other targets (an initiative, an assessment) adds its placeholder below.
 */
@CommandServiceTest
class CommandAuthorizationMatrixTest extends AuthorizationMatrixContract {

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");

    private String city;
    private String bureauA;
    private String bureauB;

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
            case "unitId" -> register("D", inScopeUnit());
            case "externalId" -> "MX-" + java.util.UUID.randomUUID();
            case "feedbackId" -> created("/api/feedback", "$.feedbackId", """
                    {"unitId":"%s","channel":"HOTLINE_12345","externalId":"MX-%s","receivedOn":"2026-01-05",
                     "category":"办事效率","text":"排队时间长"}""".formatted(inScopeUnit(), java.util.UUID.randomUUID()));
            case "feedbackInitiativeId" -> created("/api/initiatives", "$.initiativeId", """
                    {"unitId":"%s","title":"缩短排队时间","problemStatement":"热线投诉排队时间长","owner":"li",
                     "team":[],"gaps":[],"metric":{"name":"排队时长","unitOfMeasure":"分钟","baseline":120,
                     "target":30,"direction":"LOWER_IS_BETTER"}}""".formatted(inScopeUnit()));
            default -> null;
        };
    }

    private String[] tree() {
        if (city == null) {
            city = register("CITY", null);
            bureauA = register("BA", city);
            bureauB = register("BB", city);
        }
        return new String[] {city, bureauA, bureauB};
    }

    /** Creates something as the administrator and answers its id, for targets of the feedback endpoints. */
    private String created(String path, String idPath, String body) {
        try {
            var result = http.perform(post(path).header("Authorization", ADMIN)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated())
                    .andReturn();
            return JsonPath.read(result.getResponse().getContentAsString(), idPath);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a target at " + path + " for the matrix", e);
        }
    }

    private String register(String prefix, String parentId) {
        String code = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        try {
            var result = http.perform(post("/api/units").header("Authorization", ADMIN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + code + "\",\"name\":{\"zh\":\"单位\",\"en\":\"Unit\"}" + parent + "}"))
                    .andExpect(status().isCreated())
                    .andReturn();
            return JsonPath.read(result.getResponse().getContentAsString(), "$.unitId");
        } catch (Exception e) {
            throw new IllegalStateException("cannot register a unit for the matrix", e);
        }
    }
}
