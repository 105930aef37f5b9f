package org.pdcaledger.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@WebUiTest
class AdminApiTest {

    @Autowired
    MockMvc http;
    @Autowired
    UserAccounts accounts;

    private String createUser(String username) throws Exception {
        String answer = http.perform(post("/admin/api/users").with(user("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"displayName\":\"张伟\","
                                + "\"grants\":[{\"role\":\"LEADER\",\"unitId\":\"u-a\"}]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.user.grants[0]").value("LEADER@u-a"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.password");
    }

    @Test
    void onlyAnAdministratorOfAllUnits_mayAdminister() throws Exception {
        accounts.save(new UserAccount("bureau-admin", "局管理员", "{noop}x", List.of(Grant.parse("ADMIN@u-a")), true));
        accounts.save(new UserAccount("leader", "领导", "{noop}x", List.of(Grant.parse("LEADER@*")), true));

        http.perform(get("/admin/api/users")).andExpect(status().isUnauthorized());
        http.perform(get("/admin/api/users").with(user("leader"))).andExpect(status().isForbidden());
        http.perform(get("/admin/api/users").with(user("bureau-admin"))).andExpect(status().isForbidden());
        http.perform(get("/admin/api/users").with(user("admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'admin')].grants[0]").value("ADMIN@*"))
                .andExpect(jsonPath("$[0].passwordHash").doesNotExist());
    }

    @Test
    void aStateChange_withoutTheCsrfToken_isRefused() throws Exception {
        http.perform(post("/admin/api/users").with(user("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"no-csrf\",\"displayName\":\"x\"}"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find("no-csrf")).isEmpty();
    }

    @Test
    void aCreatedUser_logsInWithThePasswordShownOnce() throws Exception {
        String password = createUser("zhang.wei");

        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(accounts.find("zhang.wei").orElseThrow().passwordHash()).doesNotContain(password);
        http.perform(formLogin("/login").user("zhang.wei").password(password)).andExpect(authenticated());
        http.perform(get("/admin/api/users/zhang.wei").with(user("admin")))
                .andExpect(jsonPath("$.password").doesNotExist());
    }

    @Test
    void disable_stopsLogin_andResetPassword_givesANewOne() throws Exception {
        String first = createUser("chen.jing");

        http.perform(post("/admin/api/users/chen.jing/disable").with(user("admin")).with(csrf()))
                .andExpect(jsonPath("$.enabled").value(false));
        http.perform(formLogin("/login").user("chen.jing").password(first)).andExpect(unauthenticated());

        http.perform(post("/admin/api/users/chen.jing/enable").with(user("admin")).with(csrf()))
                .andExpect(jsonPath("$.enabled").value(true));
        String answer = http.perform(post("/admin/api/users/chen.jing/password").with(user("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String second = JsonPath.read(answer, "$.password");
        http.perform(formLogin("/login").user("chen.jing").password(first)).andExpect(unauthenticated());
        http.perform(formLogin("/login").user("chen.jing").password(second)).andExpect(authenticated());
    }

    @Test
    void grantAndRevoke_changeTheAccount_andAreAudited_withWhoAndWhen() throws Exception {
        createUser("liu.yang");

        http.perform(post("/admin/api/users/liu.yang/grants").with(user("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"ASSESSOR\",\"unitId\":\"u-b\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grants.length()").value(2));
        http.perform(delete("/admin/api/users/liu.yang/grants/LEADER@u-a").with(user("admin")).with(csrf()))
                .andExpect(status().isNoContent());

        assertThat(accounts.find("liu.yang").orElseThrow().grants()).containsExactly(Grant.parse("ASSESSOR@u-b"));
        http.perform(get("/admin/api/audit").with(user("admin")))
                .andExpect(jsonPath("$[0].action").value("grant-revoked"))
                .andExpect(jsonPath("$[0].actor").value("admin"))
                .andExpect(jsonPath("$[0].subject").value("liu.yang"))
                .andExpect(jsonPath("$[0].detail").value("LEADER@u-a"))
                .andExpect(jsonPath("$[0].at").isNotEmpty())
                .andExpect(jsonPath("$[1].action").value("grant-added"))
                .andExpect(jsonPath("$[1].detail").value("ASSESSOR@u-b"));
    }

    @Test
    void theAuditLog_neverHoldsAPasswordOrHash() throws Exception {
        String password = createUser("sun.li");
        String hash = accounts.find("sun.li").orElseThrow().passwordHash();
        http.perform(post("/admin/api/users/sun.li/password").with(user("admin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"chosen-password-456\"}"));

        String audit = http.perform(get("/admin/api/audit").with(user("admin")))
                .andReturn().getResponse().getContentAsString();

        assertThat(audit).contains("password-reset").doesNotContain(password).doesNotContain(hash)
                .doesNotContain("chosen-password-456").doesNotContain("{bcrypt}");
    }

    @Test
    void invalidInput_isAProblem_namingTheField() throws Exception {
        http.perform(post("/admin/api/users").with(user("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"x y\",\"displayName\":\"甲\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        http.perform(post("/admin/api/users/admin/grants").with(user("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"INTEGRATOR\",\"unitId\":\"*\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("role-for-clients"));
        createUser("dup.user");
        http.perform(post("/admin/api/users").with(user("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"dup.user\",\"displayName\":\"甲\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void anAdministrator_cannotLockThemselvesOut() throws Exception {
        http.perform(post("/admin/api/users/admin/disable").with(user("admin")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("self-lockout"));
        http.perform(delete("/admin/api/users/admin/grants/ADMIN@*").with(user("admin")).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void aRevokedAdminGrant_takesEffectAtOnce_evenWithinASession() throws Exception {
        accounts.save(new UserAccount("second-admin", "副管理员", "{noop}x", List.of(Grant.parse("ADMIN@*")), true));
        http.perform(get("/admin/api/users").with(user("second-admin").roles("ADMIN"))).andExpect(status().isOk());

        http.perform(delete("/admin/api/users/second-admin/grants/ADMIN@*").with(user("admin")).with(csrf()))
                .andExpect(status().isNoContent());

        http.perform(get("/admin/api/users").with(user("second-admin").roles("ADMIN")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOverviewPage_listsUsersClientsAndTheAuditLog_forAdministratorsOnly() throws Exception {
        createUser("page.user");
        accounts.save(new UserAccount("leader2", "领导", "{noop}x", List.of(Grant.parse("LEADER@*")), true));

        http.perform(get("/admin").with(user("leader2"))).andExpect(status().isForbidden());
        String page = http.perform(get("/admin").with(user("admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("访问管理").contains("page.user").contains("LEADER@u-a").contains("user-created");
    }
}
