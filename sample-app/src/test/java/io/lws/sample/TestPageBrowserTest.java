package io.lws.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.lws.core.support.Peers;
import io.lws.spring.boot.autoconfigure.LocalLwsPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test page in a real browser: Debian's headless Chromium, driven through Debian's chromedriver, against the whole
 * sample application. Both binaries are named explicitly, so Selenium never looks for (or downloads) a browser or a
 * driver of its own. Without them the test is skipped, except in CI, where {@code .ci/run} installs them and their
 * absence fails it.
 * <p>
 * One browser serves every test; each test loads the page afresh and closes any extra tab it opened.
 */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.management.port=0" })
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestPageBrowserTest {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	/** Where the screenshot goes, for a person to look at; never committed. */
	static final Path SCREENSHOT = Path.of(System.getProperty("java.io.tmpdir"), "lws-test-page.png");

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static ChromeDriverService service;

	private static WebDriver browser;

	private static Path profile;

	@LocalLwsPort
	int port;

	/**
	 * Checks for the binaries before each test rather than once for the class, so that a machine without them reports
	 * every test as skipped with the reason; the browser itself starts once, for the first test.
	 */
	@BeforeEach
	void requireTheBrowser() throws IOException {
		Peers.requireExecutable(CHROMIUM);
		Peers.requireExecutable(CHROMEDRIVER);
		if (browser == null) {
			startBrowser();
		}
	}

	private static void startBrowser() throws IOException {
		// belt and braces: with the driver named below Selenium Manager is not consulted, and it must not phone home
		System.setProperty("SE_AVOID_STATS", "true");
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
		profile = Files.createTempDirectory("lws-chromium-profile-");
		service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver.log"))
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				// the mirror test reads a tab that is in the background: keep its timers and rendering at full speed
				"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
				"--disable-backgrounding-occluded-windows", "--window-size=1280,1500",
				"--user-data-dir=" + profile);
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (service != null) {
			service.stop();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
					Files.deleteIfExists(p);
				}
			}
		}
	}

	@AfterEach
	void closeExtraTabs() {
		if (browser == null) {
			return;
		}
		List<String> tabs = List.copyOf(browser.getWindowHandles());
		for (String tab : tabs.subList(1, tabs.size())) {
			browser.switchTo().window(tab).close();
		}
		browser.switchTo().window(tabs.get(0));
	}

	@Test
	void theCounterAdvancesAndResetMakesItDropBack() {
		open("/");
		waitUntil((d) -> number("dumb-number") >= 20);
		assertThat(text("dumb-status")).isEqualTo("open");
		click("junk");
		int before = number("dumb-number");
		click("reset");
		// the count climbs on at 20 Hz: a number below the one seen before the reset means it started again
		waitUntil((d) -> {
			int n = number("dumb-number");
			return n >= 0 && n < before;
		});
		// and 9000 bytes of junk changed nothing: the same connection went on counting
		assertThat(before).isGreaterThanOrEqualTo(20);
		assertThat(text("dumb-status")).isEqualTo("open");
	}

	@Test
	void aDrawingRoundTripsToAnotherTabOnTheSameMirrorAndTheStatusTableShowsBothTabs() throws IOException {
		open("/?mirror=browser");
		String drawingTab = browser.getWindowHandle();
		waitUntil((d) -> "open".equals(text("mirror-status")));
		browser.switchTo().newWindow(WindowType.TAB);
		open("/?mirror=browser");
		String watchingTab = browser.getWindowHandle();
		waitUntil((d) -> "open".equals(text("mirror-status")));
		assertThat(text("mirror-name")).isEqualTo("browser");

		// draw a red stroke with the mouse in the first tab
		browser.switchTo().window(drawingTab);
		WebElement canvas = browser.findElement(By.id("mirror-canvas"));
		script("arguments[0].scrollIntoView({block: 'center'}); "
				+ "document.getElementById('mirror-colour').value = '#ff0000';",
				canvas);
		Actions stroke = new Actions(browser).moveToElement(canvas, -150, -50).clickAndHold();
		for (int i = 0; i < 30; i++) {
			stroke.moveByOffset(8, 3);
		}
		stroke.release().perform();
		// nothing is drawn locally: the stroke shows once the server has relayed it back (the browser may merge
		// some mouse moves, so count the segments that came back rather than expect one per move)
		waitUntil((d) -> number("mirror-drawn") >= 10);
		sleep(300);
		int drawn = number("mirror-drawn");
		assertThat(redPixels()).isGreaterThan(100);

		// the other member of the instance got the same segments
		browser.switchTo().window(watchingTab);
		waitUntil((d) -> number("mirror-drawn") == drawn);
		assertThat(redPixels()).isGreaterThan(100);

		// each tab has its own lws-status connection: both are listed, newest first
		waitUntil((d) -> browser.findElements(By.cssSelector("#status-rows tr")).size() == 2);
		List<WebElement> rows = browser.findElements(By.cssSelector("#status-rows tr"));
		long now = System.currentTimeMillis() / 1000;
		for (WebElement row : rows) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			assertThat(cells.get(0).getText()).isEqualTo("127.0.0.1");
			// the connect time is shown as a local date, with the server's epoch seconds as its title
			assertThat(Long.parseLong(cells.get(1).getDomAttribute("title"))).isBetween(now - 60, now + 1);
			assertThat(cells.get(1).getText()).isNotBlank().doesNotContain(cells.get(1).getDomAttribute("title"));
			assertThat(cells.get(2).getText()).contains("Chrome");
		}
		assertThat(text("status-server")).contains("2 status connection(s)").contains("WebSocket over HTTP/2: no");

		Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
				StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void theUrlencodedFormShowsTheServersAnswer() {
		open("/");
		WebElement field = browser.findElement(By.id("urlencoded-text"));
		field.clear();
		field.sendKeys("typed in a browser");
		click("urlencoded-send");
		browser.switchTo().frame("form-result");
		try {
			waitUntil((d) -> !d.findElements(By.id("results")).isEmpty());
			assertThat(browser.findElement(By.id("results")).getText()).contains("text 18 typed in a browser")
				.contains("send 13 Send the form");
		}
		finally {
			browser.switchTo().defaultContent();
		}
	}

	@Test
	void theMultipartFormRefusesALargeFileAndUploadsASmallOne() throws IOException {
		open("/");
		Path large = Files.createTempFile("lws-upload-large-", ".bin");
		Path small = Files.createTempFile("lws-upload-small-", ".bin");
		try {
			Files.write(large, new byte[100_001]);
			Files.write(small, new byte[1234]);
			WebElement file = browser.findElement(By.id("multipart-file"));
			file.sendKeys(large.toString());
			assertThat(text("multipart-message")).contains("100001 bytes");
			click("multipart-upload");
			// refused by the page itself: nothing was posted, the result frame stays empty
			sleep(300);
			assertThat(script("return document.getElementById('form-result').contentWindow.location.href;"))
				.isEqualTo("about:blank");

			file.sendKeys(small.toString());
			assertThat(text("multipart-message")).isEmpty();
			click("multipart-upload");
			browser.switchTo().frame("form-result");
			try {
				waitUntil((d) -> !d.findElements(By.id("results")).isEmpty());
				assertThat(browser.findElement(By.tagName("body")).getText()).contains("length 1234")
					.contains("text 11 with a file");
			}
			finally {
				browser.switchTo().defaultContent();
			}
		}
		finally {
			Files.deleteIfExists(large);
			Files.deleteIfExists(small);
		}
	}

	@Test
	void theCloseTestShowsTheServersCloseAndTheEchoOfOurs() {
		open("/");
		waitUntil((d) -> "open".equals(text("close-status")));
		click("close-server");
		waitUntil((d) -> "1001".equals(attribute("close-result", "data-code")));
		assertThat(attribute("close-result", "data-reason")).isEqualTo("seeya");
		assertThat(text("close-result")).isEqualTo("1001 \"seeya\"");

		click("close-reopen");
		waitUntil((d) -> "open".equals(text("close-status")));
		click("close-client");
		// the server answered our close with the same code and reason
		waitUntil((d) -> "3000".equals(attribute("close-result", "data-code")));
		assertThat(attribute("close-result", "data-reason")).isEqualTo("Bye!");
		// the page's main counter was not disturbed
		assertThat(text("dumb-status")).isEqualTo("open");
	}

	@Test
	void echoShowsTheReply() {
		open("/");
		waitUntil((d) -> "open".equals(text("echo-status")));
		WebElement input = browser.findElement(By.id("echo-input"));
		input.clear();
		input.sendKeys("round trip ✓");
		click("echo-send");
		waitUntil((d) -> "round trip ✓".equals(text("echo-reply")));
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + path);
	}

	private static void click(String id) {
		browser.findElement(By.id(id)).click();
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	private static String attribute(String id, String name) {
		return browser.findElement(By.id(id)).getDomAttribute(name);
	}

	/** The number an element shows, or -1 while it shows something else (such as the "-" before the first one). */
	private static int number(String id) {
		try {
			return Integer.parseInt(text(id).trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Object script(String js, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(js, args);
	}

	/** How many pixels of the mirror canvas are clearly red. */
	private static long redPixels() {
		return (Long) script("""
				const canvas = document.getElementById('mirror-canvas');
				const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				let red = 0;
				for (let i = 0; i < px.length; i += 4) {
					if (px[i] > 200 && px[i + 1] < 80 && px[i + 2] < 80 && px[i + 3] > 128) {
						red++;
					}
				}
				return red;
				""");
	}

	private static void waitUntil(Function<WebDriver, Boolean> condition) {
		// poll often: the dumb-increment counter moves every 50 ms
		new WebDriverWait(browser, PATIENCE, Duration.ofMillis(50)).until(condition);
	}

}
