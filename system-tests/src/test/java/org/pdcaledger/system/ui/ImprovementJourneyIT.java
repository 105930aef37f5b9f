package org.pdcaledger.system.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pdcaledger.system.Browser;
import org.pdcaledger.system.Stack;
import org.pdcaledger.system.WebSession;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A team's improvement work in a real browser, against the real stack started as the README starts it: an
 * assessment (made and finalised through the API by two assessors) leaves gaps on the gap board; from a gap the
 * team launches an initiative, runs a whole plan-do-check-act cycle in the pages and sees the card move across the
 * board's management-chain columns; then the pages in English, the leadership dashboard and its as-of view, and the
 * administration. Every screen is saved under {@code system-tests/target/screenshots/} at 1280 px and at 390 px.
 * <p>
 * One stack for the class; the scenarios run in order on the data the first one makes. To iterate on the pages
 * against a stack that is already running, set {@code PDCA_UI_TEST_WEB_URL} and {@code PDCA_UI_TEST_ADMIN_PASSWORD}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImprovementJourneyIT {

    static final String FRAMEWORK = "GOV-OPS-QUALITY";
    static final String PERIOD = "2026-Q3";
    static final String ASSESSOR_PASSWORD = "second-assessor-pw-1";

    private Stack stack;
    private String webUrl;
    private String adminPassword;
    private Browser browser;
    private WebSession admin;
    private String officeId;
    private String bureauId;
    private String assessmentId;
    private String initiativeId;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeAll
    void startStackAndMakeAnAssessment() throws Exception {
        String reuse = System.getenv("PDCA_UI_TEST_WEB_URL");
        if (reuse != null) {
            webUrl = reuse;
            adminPassword = System.getenv("PDCA_UI_TEST_ADMIN_PASSWORD");
        } else {
            stack = Stack.start(Map.of());
            webUrl = stack.webUrl();
            adminPassword = Stack.ADMIN_PASSWORD;
        }
        browser = Browser.open(webUrl, 1280, 900);
        admin = WebSession.login(webUrl, "admin", adminPassword);
        officeId = registerUnit("SZ-" + suffix, null, "市政府办公厅", "Municipal General Office");
        bureauId = registerUnit("SZ-FIN-" + suffix, officeId, "市财政局", "Municipal Finance Bureau");
        String assessor = "li.na." + suffix.toLowerCase();
        HttpResponse<String> created = admin.postJson("/admin/api/users", Map.of("username", assessor,
                "displayName", "李娜", "password", ASSESSOR_PASSWORD,
                "grants", List.of(Map.of("role", "ASSESSOR", "unitId", "*"))), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assessmentId = finalisedAssessment(bureauId, WebSession.login(webUrl, assessor, ASSESSOR_PASSWORD));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> WebSession.json(
                admin.get("/api/gaps?unit=" + officeId + "&framework=" + FRAMEWORK + "&subtree=true"))
                .path("gaps").size() == 3);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aTeamLaunchesAnInitiativeFromAGap_andRunsAWholeCycle_movingAcrossTheBoard() throws Exception {
        browser.login("admin", adminPassword);
        browser.go("/board?unit=" + officeId + "&framework=" + FRAMEWORK);
        WebElement row = browser.find(By.cssSelector(".board-row[data-indicator=standardisation]"));
        assertThat(row.getText()).contains("规范性").contains("还没有改进举措");
        assertThat(browser.find(By.cssSelector(".board-group")).getText()).contains("市财政局");
        assertThat(browser.driver().findElements(By.cssSelector(".board-row"))).hasSize(3);
        screenshot("01-gap-board");

        row.findElement(By.cssSelector("a.launch")).click();
        browser.find(By.id("f-title")).sendKeys("缩短公文办理时长");
        browser.find(By.id("f-problemStatement")).sendKeys("公文办理平均需要 7 至 15 天，群众和企业反映等待时间长。");
        browser.find(By.id("f-metric-name")).sendKeys("公文办理时长");
        browser.find(By.id("f-metric-unitOfMeasure")).sendKeys("天");
        browser.find(By.id("f-metric-baseline")).sendKeys("10");
        browser.find(By.id("f-metric-target")).sendKeys("4");
        screenshot("02-launch-form");
        browser.find(By.id("launch-submit")).click();
        awaitStage("PLANNING");
        initiativeId = browser.driver().getCurrentUrl().replaceAll(".*/initiatives/([^?#]+).*", "$1");
        assertBoardColumn("PLANNING");

        browser.go("/initiatives/" + initiativeId);
        browser.find(By.id("f-objective")).sendKeys("常规公文在 4 个工作日内办结");
        browser.find(By.id("f-hypothesis")).sendKeys("电子流转和并联会签可以消除纸质传递的等待");
        browser.find(By.id("f-successCriterion")).sendKeys("平均办理时长不超过 4 天");
        browser.find(By.id("f-actions-0-description")).sendKeys("上线电子公文流转");
        browser.find(By.id("f-actions-0-owner")).sendKeys("admin");
        setValue(browser.find(By.id("f-actions-0-dueDate")), today().plusDays(30).toString());
        screenshot("03-initiative-plan");
        browser.find(By.id("plan-submit")).click();
        browser.find(By.id("do-submit")).click();
        awaitStage("EXECUTION");
        assertBoardColumn("EXECUTION");

        browser.go("/initiatives/" + initiativeId);
        browser.find(By.cssSelector("button.complete-action")).click();
        browser.waitForText(By.cssSelector(".alert-success"), "行动");
        browser.find(By.id("f-value")).sendKeys("3.5");
        setValue(browser.find(By.id("f-measuredOn")), today().toString());
        browser.find(By.id("measurement-submit")).click();
        awaitStage("EVALUATION");
        assertThat(browser.find(By.id("metric-chart")).getAttribute("data-drawn")).isEqualTo("true");
        screenshot("04-initiative-check");
        assertBoardColumn("EVALUATION");

        browser.go("/initiatives/" + initiativeId);
        browser.find(By.id("f-analysis")).sendKeys("电子流转上线后办理时长降至 3.5 天，达到目标。");
        browser.find(By.id("check-submit")).click();
        awaitStage("CONTINUOUS_IMPROVEMENT");
        assertBoardColumn("CONTINUOUS_IMPROVEMENT");

        browser.go("/initiatives/" + initiativeId);
        browser.find(By.id("decision-STANDARDISE")).click();
        browser.find(By.id("f-standardised")).sendKeys("电子公文流转写入《公文处理办法》第 12 条");
        browser.find(By.id("act-submit")).click();
        awaitStage("COMPLETED");
        assertThat(browser.find(By.id("metric-chart")).getAttribute("data-drawn")).isEqualTo("true");
        assertThat(browser.find(By.id("history")).getText()).contains("发起举措").contains("制定计划")
                .contains("开始执行").contains("记录测量值").contains("评估结论").contains("固化为标准");
        screenshot("05-initiative-completed");

        assertBoardColumn("CONTINUOUS_IMPROVEMENT");
        assertThat(browser.find(By.cssSelector(".board-row[data-indicator=standardisation] a.card")).getText())
                .contains("已固化为标准");
    }

    @Test
    @Order(2)
    void aStaleWrite_saysWhatChanged_andKeepsTheInput() throws Exception {
        String second = launchThroughApi("integration", "提升跨部门协同效率");
        browser.go("/initiatives/" + second);
        browser.find(By.id("f-objective")).sendKeys("跨部门事项一次办结");
        JsonNode detail = WebSession.json(admin.get("/api/initiatives/" + second));
        HttpResponse<String> meanwhile = admin.postJson("/api/initiatives/" + second + "/plan", Map.of(
                "objective", "同事先保存的目标", "hypothesis", "h", "successCriterion", "s",
                "actions", List.of(Map.of("description", "建立联席会议", "owner", "admin",
                        "dueDate", today().plusDays(10).toString()))), "\"" + detail.get("version").asText() + "\"");
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);
        browser.find(By.id("f-hypothesis")).sendKeys("联席会议减少往返");
        browser.find(By.id("f-successCriterion")).sendKeys("办结率 95%");
        browser.find(By.id("f-actions-0-description")).sendKeys("建立联席会议");
        browser.find(By.id("f-actions-0-owner")).sendKeys("admin");
        setValue(browser.find(By.id("f-actions-0-dueDate")), today().plusDays(20).toString());
        browser.find(By.id("plan-submit")).click();

        WebElement warning = browser.find(By.cssSelector("#plan-form .alert-warning"));
        assertThat(warning.getText()).contains("有人已修改了这条记录").contains("制定计划");
        assertThat(browser.find(By.id("f-objective")).getAttribute("value")).isEqualTo("跨部门事项一次办结");
        screenshot("06-stale-write");
    }

    @Test
    @Order(3)
    void theAssessmentPages_showDescriptors_review_andComparison() throws Exception {
        browser.go("/assessments/" + assessmentId);
        assertThat(browser.find(By.id("assessment-status")).getText()).isEqualTo("已定稿");
        screenshot("07-assessment-finalised");

        browser.go("/assessments?unit=" + officeId);
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("f-frameworkCode"))).selectByValue(FRAMEWORK);
        browser.find(By.id("f-period-value")).sendKeys(PERIOD);
        browser.find(By.cssSelector("#start-panel button[type=submit]")).click();
        WebElement indicator = browser.find(By.id("ind-standardisation"));
        indicator.findElement(By.cssSelector("input[name=currentLevel][value='3']")).click();
        indicator.findElement(By.cssSelector("input[name=targetLevel][value='2']")).click();
        indicator.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#ind-standardisation .field-error"), "目标等级不能低于现状等级");
        indicator = browser.find(By.id("ind-standardisation"));
        indicator.findElement(By.cssSelector("input[name=targetLevel][value='4']")).click();
        indicator.findElement(By.cssSelector("textarea[name=evidence]")).sendKeys("《公文处理办法》及 2026 年抽查记录");
        indicator.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#assessment-state"), "1 / 12");
        screenshot("08-assessment-form");
    }

    @Test
    @Order(4)
    void thePagesSwitchToEnglish() throws Exception {
        try {
            browser.go("/board?unit=" + officeId + "&framework=" + FRAMEWORK);
            browser.find(By.linkText("English")).click();
            browser.waitForText(By.cssSelector(".brand"), "PDCA Ledger");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Gap board");
            assertThat(browser.find(By.id("gap-board")).getText()).contains("Planning").contains("Execution")
                    .contains("Evaluation").contains("Continuous improvement").contains("Municipal Finance Bureau");
            screenshot("09-gap-board-en");
            browser.go("/initiatives/" + initiativeId);
            assertThat(browser.find(By.id("initiative-stage")).getText()).contains("Completed");
            assertThat(browser.find(By.id("history")).getText()).contains("Plan recorded").contains("Standardised");
            screenshot("10-initiative-en");
            browser.find(By.linkText("中文")).click();
            browser.waitForText(By.cssSelector(".brand"), "改进台账");
        } finally {
            browser.go("/board?lang=zh-CN");
        }
    }

    @Test
    @Order(5)
    void theDashboard_andItsAsOfView() throws Exception {
        browser.go("/dashboard?unit=" + officeId + "&framework=" + FRAMEWORK);
        browser.find(By.id("dashboard"));
        screenshot("11-dashboard");
        setValue(browser.find(By.id("dash-asOf")), today().minusDays(1).toString());
        browser.find(By.cssSelector("#dashboard-filters button[type=submit]")).click();
        browser.waitForText(By.id("as-of-banner"), today().minusDays(1).getYear() + "年");
        assertThat(browser.driver().getCurrentUrl()).contains("asOf=" + today().minusDays(1));
        screenshot("12-dashboard-as-of");
    }

    @Test
    @Order(6)
    void theAdministration_andTheReferencePages() throws Exception {
        browser.go("/initiatives?unit=" + officeId);
        assertThat(browser.find(By.id("initiative-table")).getText()).contains("缩短公文办理时长")
                .contains("提升跨部门协同效率");
        screenshot("19-initiatives");
        browser.go("/units");
        assertThat(browser.find(By.id("unit-table")).getText()).contains("市财政局");
        screenshot("13-units");
        browser.go("/frameworks");
        screenshot("14-frameworks");
        browser.go("/frameworks/" + FRAMEWORK);
        screenshot("15-framework");
        browser.go("/admin/users");
        assertThat(browser.find(By.id("user-table")).getText()).contains("李娜");
        browser.find(By.id("new-username")).sendKeys("wang.wu." + suffix.toLowerCase());
        browser.find(By.id("new-displayName")).sendKeys("王五");
        browser.find(By.cssSelector("form[data-api='/admin/api/users'] button[type=submit]")).click();
        browser.waitForText(By.id("user-table"), "王五");
        assertThat(browser.find(By.cssSelector("#secret-box [data-secret]")).getText()).hasSizeGreaterThan(11);
        screenshot("16-admin-users");
        browser.go("/admin/integrations");
        screenshot("17-admin-integrations");
        browser.go("/admin/rebuild");
        assertThat(browser.find(By.id("projection-table")).getText()).contains("运行中");
        browser.find(By.id("rebuild-all")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.waitForText(By.id("projections"), "重建已开始");
        screenshot("18-admin-rebuild");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("projections"), "没有正在进行的重建"));
        browser.go("/board?unit=" + officeId + "&framework=" + FRAMEWORK);
        assertThat(browser.find(By.id("gap-board")).findElements(By.cssSelector(".board-row"))).hasSize(3);
    }

    @Test
    @Order(7)
    void theMainScreens_atPhoneWidth() throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.go("/board?unit=" + officeId + "&framework=" + FRAMEWORK);
            browser.find(By.id("gap-board"));
            assertThat(horizontalOverflow()).as("the board fits a phone").isFalse();
            screenshot("21-gap-board-phone");
            browser.go("/initiatives/" + initiativeId);
            browser.find(By.id("initiative-stage"));
            assertThat(horizontalOverflow()).as("the initiative page fits a phone").isFalse();
            screenshot("22-initiative-phone");
            browser.go("/assessments/" + assessmentId);
            screenshot("23-assessment-phone");
            browser.go("/dashboard?unit=" + officeId + "&framework=" + FRAMEWORK);
            browser.find(By.id("dashboard"));
            screenshot("24-dashboard-phone");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    // ---------------------------------------------------------------- helpers

    private String registerUnit(String code, String parentId, String zh, String en) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("code", code);
        body.put("name", Map.of("zh", zh, "en", en));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        HttpResponse<String> created = admin.postJson("/api/units", body, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String unitId = WebSession.json(created).get("unitId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/units/" + unitId).statusCode() == 200);
        return unitId;
    }

    /** Rated by the administrator, finalised by the second assessor (four eyes): three indicators below target. */
    private String finalisedAssessment(String unitId, WebSession reviewer) throws Exception {
        HttpResponse<String> started = admin.postJson("/api/assessments", Map.of("unitId", unitId,
                "frameworkCode", FRAMEWORK, "period", Map.of("type", "QUARTER", "value", PERIOD), "kind", "SELF"),
                null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = WebSession.json(started).get("assessmentId").asText();
        List<String> indicators = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/assessments/" + id).statusCode() == 200);
        WebSession.json(admin.get("/api/assessments/" + id)).get("indicatorCodes")
                .forEach(code -> indicators.add(code.asText()));
        String version = etag(started);
        List<String> belowTarget = List.of("standardisation", "integration", "smart");
        for (String indicator : indicators) {
            boolean gap = belowTarget.contains(indicator);
            HttpResponse<String> rated = admin.putJson("/api/assessments/" + id + "/ratings/" + indicator,
                    Map.of("currentLevel", gap ? 2 : 3, "targetLevel", gap ? 4 : 3,
                            "evidence", "2026 年第三季度自查材料"), version);
            assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
            version = etag(rated);
        }
        HttpResponse<String> submitted = admin.postJson("/api/assessments/" + id + "/submit", "", version);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> finalised = reviewer.postJson("/api/assessments/" + id + "/finalise", "",
                etag(submitted));
        assertThat(finalised.statusCode()).as(finalised.body()).isEqualTo(200);
        return id;
    }

    private String launchThroughApi(String indicator, String title) throws Exception {
        HttpResponse<String> launched = admin.postJson("/api/initiatives", Map.of("unitId", bureauId,
                "title", title, "problemStatement", "跨部门事项往返多", "owner", "admin",
                "gaps", List.of(Map.of("frameworkCode", FRAMEWORK, "indicatorCode", indicator)),
                "metric", Map.of("name", "一次办结率", "unitOfMeasure", "%", "baseline", 70, "target", 95,
                        "direction", "HIGHER_IS_BETTER")), null);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String id = WebSession.json(launched).get("initiativeId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/initiatives/" + id).statusCode() == 200);
        return id;
    }

    private void awaitStage(String stage) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(
                By.id("initiative-stage"), "data-stage", stage));
    }

    /** The initiative's card is on the standardisation gap, in the column of {@code stage} and in no other. */
    private void assertBoardColumn(String stage) {
        browser.go("/board?unit=" + officeId + "&framework=" + FRAMEWORK);
        WebElement row = browser.find(By.cssSelector(".board-row[data-indicator=standardisation]"));
        assertThat(row.findElements(By.cssSelector(".cell-" + stage + " a.card"))).as("card in " + stage)
                .hasSize(1);
        assertThat(row.findElements(By.cssSelector("a.card"))).hasSize(1);
        try {
            screenshot("board-" + stage.toLowerCase());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", input, value);
    }

    private boolean horizontalOverflow() {
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1");
        return Boolean.TRUE.equals(overflow);
    }

    /** The whole page, not only the window, so a reviewer sees every part of the screen. */
    @SuppressWarnings("unchecked")
    private void screenshot(String name) throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeScript("window.scrollTo(0, 0)");
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
        double width = Math.max(((Number) size.get("width")).doubleValue(),
                ((Number) viewport.get("clientWidth")).doubleValue());
        double height = Math.min(((Number) size.get("height")).doubleValue(), 12000);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path target = Browser.SCREENSHOTS.resolve(name + ".png");
        Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
