package io.lws.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's own test page in a real browser (see {@link HeadlessBrowserTest}), against the whole sample
 * application.
 */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.management.port=0" })
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestPageBrowserTest extends HeadlessBrowserTest {

	/** Where the screenshot goes, for a person to look at; never committed. */
	static final Path SCREENSHOT = Path.of(System.getProperty("java.io.tmpdir"), "lws-test-page.png");

	@Test
	void theCounterAdvancesAndResetMakesItDropBack() {
		open("/");
		waitUntil((d) -> number("dumb-number") >= 20);
		assertThat(text("dumb-status")).isEqualTo("open");
		int before = junkThenReset("dumb-number", "junk", "reset");
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
		drawStroke(canvas);
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

	/** How many pixels of the mirror canvas are clearly red. */
	private static long redPixels() {
		return canvasPixels("#mirror-canvas", List.of(201, 0, 0, 129), List.of(255, 79, 79, 255));
	}

}
