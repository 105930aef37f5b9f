package org.pdcaledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A person logs in through the real browser, lands on the home page in Chinese, switches to English and back.
 */
class BrowserLoginIT {

    @Test
    void login_landsInChinese_andTheLanguageSwitches() throws Exception {
        try (Stack stack = Stack.start(Map.of()); Browser browser = Browser.open(stack.webUrl())) {
            browser.go("/");
            assertThat(browser.driver().getCurrentUrl()).contains("/login");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("登录");
            browser.screenshot("login-zh");

            browser.login("admin", Stack.ADMIN_PASSWORD);
            assertThat(browser.find(By.cssSelector("html")).getAttribute("lang")).isEqualTo("zh-CN");
            browser.screenshot("home-zh");

            browser.find(By.linkText("English")).click();
            browser.waitForText(By.cssSelector(".brand"), "PDCA Ledger");
            assertThat(browser.find(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");
            browser.screenshot("home-en");

            browser.find(By.linkText("中文")).click();
            browser.waitForText(By.cssSelector(".brand"), "改进台账");
        }
    }
}
