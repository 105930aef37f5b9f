package org.pdcaledger.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.web.support.MutableClock;
import org.pdcaledger.web.support.StubServices;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@WebUiTest
@TestPropertySource(properties = {"pdca.demo.enabled=true", "pdca.demo.password=" + DemoAccountsTest.PASSWORD})
class DemoAccountsTest {

    static final String PASSWORD = "demo-password-2026";

    @Autowired
    MockMvc http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    IntegratorClients clients;
    @Autowired
    DemoAccounts demo;
    @Autowired
    StubServices services;
    @Autowired
    JwtDecoder apiTokenDecoder;
    @Autowired
    MutableClock clock;

    @Test
    void demoMode_createsEveryDemoAccount_withTheDemoPassword() throws Exception {
        assertThat(accounts.find("admin").orElseThrow().grants()).containsExactly(Grant.parse("ADMIN@*"));
        assertThat(accounts.find("leader").orElseThrow().grants()).containsExactly(Grant.parse("LEADER@*"));
        assertThat(accounts.find("assessor").orElseThrow().grants()).containsExactly(Grant.parse("ASSESSOR@*"));
        assertThat(accounts.find("reviewer").orElseThrow().grants()).containsExactly(Grant.parse("ASSESSOR@*"));
        for (String name : new String[] {"admin", "leader", "assessor", "reviewer", "improver"}) {
            http.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(authenticated());
        }
        assertThat(clients.find("demo-integrator").orElseThrow().grant()).isEqualTo(Grant.parse("INTEGRATOR@*"));
        http.perform(post("/oauth2/token").with(httpBasic("demo-integrator", PASSWORD))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("grant_type", "client_credentials"))
                .andExpect(status().isOk());
    }

    @Test
    void runningAgain_changesNothing() throws Exception {
        String adminHash = accounts.find("admin").orElseThrow().passwordHash();
        int count = accounts.all().size();

        demo.run(new DefaultApplicationArguments());

        assertThat(accounts.all()).hasSize(count);
        assertThat(accounts.find("admin").orElseThrow().passwordHash()).isEqualTo(adminHash);
    }

    @Test
    void theImproversBureau_isResolvedByCode_onceTheUnitExists() throws Exception {
        services.reset();
        http.perform(get("/api/initiatives").with(user("improver"))).andExpect(status().isOk());
        assertThat(lastForwardedGrants()).as("no unit DEMO-B01 yet: no grant, default deny").isEmpty();
        assertThat(accounts.pendingGrants("improver")).hasSize(1);

        services.answer("/api/units", "[{\"unitId\":\"u-city\",\"code\":\"DEMO\"},"
                + "{\"unitId\":\"u-b01\",\"code\":\"DEMO-B01\"}]");
        clock.advance(Duration.ofSeconds(16));
        http.perform(get("/api/initiatives").with(user("improver"))).andExpect(status().isOk());

        assertThat(lastForwardedGrants()).containsExactly("IMPROVER@u-b01");
        assertThat(accounts.find("improver").orElseThrow().grants()).containsExactly(Grant.parse("IMPROVER@u-b01"));
        assertThat(accounts.pendingGrants("improver")).isEmpty();
    }

    private java.util.List<String> lastForwardedGrants() {
        var forwarded = services.received().stream().filter(r -> r.pathAndQuery().startsWith("/api/initiatives"))
                .reduce((first, second) -> second).orElseThrow();
        return apiTokenDecoder.decode(forwarded.bearerToken()).getClaimAsStringList("grants");
    }
}
