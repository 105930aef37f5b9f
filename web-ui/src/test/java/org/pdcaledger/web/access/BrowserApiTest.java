package org.pdcaledger.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.pdcaledger.web.support.StubServices;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A logged-in browser on the JSON API: CSRF on every state change, the person's current grants in the token sent on.
 */
@WebUiTest
class BrowserApiTest {

    @Autowired
    MockMvc http;
    @Autowired
    StubServices services;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JwtDecoder apiTokenDecoder;

    @BeforeEach
    void reset() {
        services.reset();
    }

    @Test
    void aWrite_withoutTheCsrfToken_isRefused_andNeverForwarded() throws Exception {
        http.perform(post("/api/units").with(user("admin")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());

        assertThat(services.received()).isEmpty();
    }

    @Test
    void aWrite_withTheCsrfToken_isForwarded_withThePersonsCurrentGrants() throws Exception {
        accounts.save(new UserAccount("he.ping", "何平", "{noop}x", List.of(Grant.parse("ASSESSOR@u-a")), true));

        http.perform(post("/api/units").with(user("he.ping")).with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk());

        var forwarded = apiTokenDecoder.decode(services.received().get(0).bearerToken());
        assertThat(forwarded.getSubject()).isEqualTo("he.ping");
        assertThat(forwarded.getClaimAsStringList("grants")).containsExactly("ASSESSOR@u-a");
        assertThat(forwarded.getClaimAsBoolean("client")).isFalse();
    }

    @Test
    void aRead_needsNoCsrfToken_butADisabledAccountIsRefused() throws Exception {
        accounts.save(new UserAccount("gone", "离职", "{noop}x", List.of(Grant.parse("LEADER@*")), false));

        http.perform(get("/api/units").with(user("admin"))).andExpect(status().isOk());
        http.perform(get("/api/units").with(user("gone"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aPersonsIdentityToken_isNoKeyToWebUi() throws Exception {
        http.perform(get("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.person("admin", "ADMIN@*")))
                .andExpect(status().isUnauthorized());
        assertThat(services.received()).isEmpty();
    }
}
