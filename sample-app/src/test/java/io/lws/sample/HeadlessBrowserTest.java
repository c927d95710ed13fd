package io.lws.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.lws.core.support.Peers;
import io.lws.spring.boot.autoconfigure.LocalLwsPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: Debian's headless Chromium, driven through Debian's chromedriver, against the sample
 * application on a free port. Both binaries are named explicitly, so Selenium never looks for (or downloads) a browser
 * or a driver of its own. Without them the tests are skipped, except in CI, where {@code .ci/run} installs them and
 * their absence fails the tests.
 * <p>
 * One browser serves every test of a class; each test loads its page afresh, and any extra tab it opened is closed
 * after it.
 */
abstract class HeadlessBrowserTest {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static ChromeDriverService service;

	static WebDriver browser;

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
		// the sample's tls profile serves a certificate it generates at start-up, which nothing signed
		options.setAcceptInsecureCerts(true);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				// the mirror test reads a tab that is in the background: keep its timers and rendering at full speed
				"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
				"--disable-backgrounding-occluded-windows", "--window-size=1280,1500",
				"--user-data-dir=" + profile);
		browser = new ChromeDriver(service, options);
	}

	/** Stops the browser of this class, so that the next class starts its own. */
	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
		if (service != null) {
			service.stop();
			service = null;
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
					Files.deleteIfExists(p);
				}
			}
			profile = null;
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

	/** Where the sample's default vhost is: plain HTTP on 127.0.0.1 and the port it was given. */
	String origin() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Loads a path of the sample's default vhost in the current tab. */
	void open(String path) {
		browser.get(origin() + path);
	}

	static void click(String id) {
		browser.findElement(By.id(id)).click();
	}

	static String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	static String attribute(String id, String name) {
		return browser.findElement(By.id(id)).getDomAttribute(name);
	}

	/** The number an element shows, or -1 while it shows something else (such as the "-" before the first one). */
	static int number(String id) {
		try {
			return Integer.parseInt(text(id).trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Presses a page's junk button, then its reset button, and waits until the dumb-increment counter shows a number
	 * below the one it showed before the reset: the count climbs on at 20 Hz, so a lower number means it started again.
	 * @return the number shown before the reset
	 */
	static int junkThenReset(String counterId, String junkId, String resetId) {
		click(junkId);
		int before = number(counterId);
		click(resetId);
		waitUntil((d) -> {
			int n = number(counterId);
			return n >= 0 && n < before;
		});
		return before;
	}

	/**
	 * Draws a stroke with the mouse across a canvas: pressed left of and above its centre, 30 moves down and to the
	 * right, released.
	 */
	static void drawStroke(WebElement canvas) {
		Actions stroke = new Actions(browser).moveToElement(canvas, -150, -50).clickAndHold();
		for (int i = 0; i < 30; i++) {
			stroke.moveByOffset(8, 3);
		}
		stroke.release().perform();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Object script(String js, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(js, args);
	}

	/**
	 * How many pixels of a canvas have every channel (red, green, blue, alpha; 0-255) within the given bounds.
	 * @param canvasSelector a CSS selector of the canvas
	 * @param min the lowest value of each channel that counts
	 * @param max the highest value of each channel that counts
	 */
	static long canvasPixels(String canvasSelector, List<Integer> min, List<Integer> max) {
		return (Long) script("""
				const [selector, min, max] = arguments;
				const canvas = document.querySelector(selector);
				const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				let n = 0;
				for (let i = 0; i < px.length; i += 4) {
					let inside = true;
					for (let c = 0; c < 4; c++) {
						inside = inside && px[i + c] >= min[c] && px[i + c] <= max[c];
					}
					if (inside) {
						n++;
					}
				}
				return n;
				""", canvasSelector, min, max);
	}

	static void waitUntil(Function<WebDriver, Boolean> condition) {
		// poll often: the dumb-increment counter moves every 50 ms
		new WebDriverWait(browser, PATIENCE, Duration.ofMillis(50)).until(condition);
	}

}
