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
