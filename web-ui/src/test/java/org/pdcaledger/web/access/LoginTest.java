package org.pdcaledger.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.web.support.MutableClock;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@WebUiTest
class LoginTest {

    @Autowired
    MockMvc http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;

    private void account(String username, String passwordHash, boolean enabled) {
        accounts.save(new UserAccount(username, username, passwordHash, List.of(Grant.parse("LEADER@*")), enabled));
    }

    private void failLogin(String username) throws Exception {
        http.perform(formLogin("/login").user(username).password("wrong-password-123"))
                .andExpect(unauthenticated());
    }

    @Test
    void login_succeeds_withTheRightPassword() throws Exception {
        http.perform(formLogin("/login").user("admin").password(WebUiTest.ADMIN_PASSWORD))
                .andExpect(authenticated().withUsername("admin"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void login_isRefused_withoutTheCsrfToken() throws Exception {
        http.perform(post("/login").param("username", "admin").param("password", WebUiTest.ADMIN_PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void aWrongPassword_andAnUnknownName_getTheSameAnswer_andAreAudited() throws Exception {
        account("wang.fang", "{noop}right-password-123", true);

        http.perform(formLogin("/login").user("wang.fang").password("wrong-password-123"))
                .andExpect(redirectedUrl("/login?error"));
        http.perform(formLogin("/login").user("nobody-here").password("wrong-password-123"))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(audit.latest(50)).filteredOn(e -> e.action().equals("login-failed"))
                .extracting(AuditLog.Entry::subject).contains("wang.fang", "nobody-here");
    }

    @Test
    void afterThreeFailures_theNameIsLocked_evenForTheRightPassword_thenBacksOffExponentially() throws Exception {
        account("li.na", "{noop}right-password-123", true);
        failLogin("li.na");
        failLogin("li.na");
        http.perform(formLogin("/login").user("li.na").password("wrong-password-123"))
                .andExpect(redirectedUrl("/login?locked"));

        http.perform(formLogin("/login").user("li.na").password("right-password-123"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));

        clock.advance(Duration.ofSeconds(61));
        failLogin("li.na");
        clock.advance(Duration.ofSeconds(61));
        // the second lock lasts two minutes
        http.perform(formLogin("/login").user("li.na").password("right-password-123"))
                .andExpect(redirectedUrl("/login?locked"));

        clock.advance(Duration.ofSeconds(60));
        http.perform(formLogin("/login").user("li.na").password("right-password-123"))
                .andExpect(authenticated());
        assertThat(audit.latest(100)).anyMatch(e -> e.action().equals("login-locked") && e.subject().equals("li.na"));
    }

    @Test
    void anUnknownName_isLockedJustTheSame() throws Exception {
        failLogin("ghost");
        failLogin("ghost");
        http.perform(formLogin("/login").user("ghost").password("wrong-password-123"))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void aDisabledAccount_cannotLogIn_andLooksLikeAWrongPassword() throws Exception {
        account("zhao.lei", "{noop}right-password-123", false);

        http.perform(formLogin("/login").user("zhao.lei").password("right-password-123"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void login_rehashesAnOldHash_withTheCurrentAdaptiveHash() throws Exception {
        account("old.hash", "{noop}right-password-123", true);

        http.perform(formLogin("/login").user("old.hash").password("right-password-123"))
                .andExpect(authenticated());

        assertThat(accounts.find("old.hash").orElseThrow().passwordHash()).startsWith("{bcrypt}$2");
    }

    @Test
    void logout_endsTheSession() throws Exception {
        MockHttpSession session = (MockHttpSession) http.perform(formLogin("/login").user("admin")
                        .password(WebUiTest.ADMIN_PASSWORD))
                .andReturn().getRequest().getSession();

        http.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(session.isInvalid()).isTrue();
        http.perform(get("/api/units").session(new MockHttpSession())).andExpect(status().isUnauthorized());
    }

    @Test
    void aPage_redirectsToLogin_andTheApi_answers401_withoutASession() throws Exception {
        http.perform(get("/").accept("text/html")).andExpect(status().is3xxRedirection());
        http.perform(get("/api/units")).andExpect(status().isUnauthorized());
    }
}
