package org.pdcaledger.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium driven through Debian's ChromeDriver (never a downloaded one). Screenshots go to
 * {@code system-tests/target/screenshots/} for a reviewer to look at. Locally the browser tests are skipped when
 * Chromium is not installed; in CI ({@code CI=true}) they fail instead, so they cannot silently not run.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Stack.ROOT.resolve("system-tests/target/screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public static Browser open(String baseUrl, int width, int height) throws IOException {
        Path chromedriver = Path.of(System.getenv().getOrDefault("PDCA_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
        Path chromium = Path.of(System.getenv().getOrDefault("PDCA_TEST_CHROMIUM", "/usr/bin/chromium"));
        boolean installed = Files.isExecutable(chromedriver) && Files.isExecutable(chromium);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but Chromium/ChromeDriver are missing; .ci/run installs them");
        }
        assumeTrue(installed, "Chromium and ChromeDriver not installed: browser tests skipped locally");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("pdca-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(driver, baseUrl);
    }

    public static Browser open(String baseUrl) throws IOException {
        return open(baseUrl, 1280, 900);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    public void login(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public Path screenshot(String name) throws IOException {
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
