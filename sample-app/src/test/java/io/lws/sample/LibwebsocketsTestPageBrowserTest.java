package io.lws.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lws.core.support.Peers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libwebsockets' own test page ({@code test.html}, {@code test.js} and {@code lws-common.js} from Debian's
 * {@code libwebsockets-test-server} package), served unchanged by the sample with {@code --resource-path}, as
 * {@code libwebsockets-test-server -r} serves it, in a real browser (see {@link HeadlessBrowserTest}). What the page
 * shows is what its scripts make of our answers, so these tests check the protocols against the client they were
 * written for, not against our own page. Skipped without the package, except in CI, which installs it.
 */
@SpringBootTest(classes = SampleApplication.class, properties = { "lws.vhosts.default.port=0",
		"lws.management.port=0", "resource-path=" + LibwebsocketsTestPageBrowserTest.RESOURCES })
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibwebsocketsTestPageBrowserTest extends HeadlessBrowserTest {

	/** Where Debian's package puts the test server's resources (its {@code -r} default). */
	static final String RESOURCES = "/usr/share/libwebsockets-test-server";

	/** What the page's sockets show once open. */
	private static final String OPENED = "websocket connection opened";

	@BeforeAll
	static void requireThePage() {
		Peers.require(RESOURCES + "/test.js", Files.isReadable(Path.of(RESOURCES, "test.js")));
	}

	@Test
	void itsSocketsOpenTheCounterRunsAndTheStatusNamesThisHostAndTheBrowser() throws IOException {
		// "/" is test.html, as the mount's default in libwebsockets-test-server
		open("/");
		waitUntil((d) -> number("number") >= 20);
		assertThat(text("wsdi_status")).contains(OPENED);
		junkThenReset("number", "junk", "offset");
		assertThat(text("wsdi_status")).contains(OPENED);

		showTab(2);
		waitUntil((d) -> text("wslm_status").contains(OPENED));

		showTab(4);
		waitUntil((d) -> text("s_status").contains(OPENED) && text("servinfo").contains("Server info"));
		// lws-status negotiates permessage-deflate, and the page prints the extensions it got
		assertThat(text("s_status")).contains("permessage-deflate");
		// "Server info" is lws_canonical_hostname(): the host's own name, as libwebsockets shows it
		String host = Peers.run(List.of("/usr/bin/uname", "-n"), 10).output().trim();
		assertThat(text("servinfo")).contains("Server info " + host).contains("lws-java");
		assertThat(text("conninfo")).contains("127.0.0.1").contains("HeadlessChrome");
		// "Test pmd" sends two JSON blobs (1.7 and 18 KB) down the compressed status socket; it stays open
		click("pmd");
		sleep(500);
		assertThat(text("s_status")).contains(OPENED);
	}

	@Test
	void aStrokeDrawnOnTheCanvasComesBackFromTheMirror() {
		open("/");
		showTab(2);
		waitUntil((d) -> text("wslm_status").contains(OPENED));
		WebElement canvas = browser.findElement(By.cssSelector("#wslm_drawing canvas"));
		script("arguments[0].scrollIntoView({block: 'center'});", canvas);
		assertThat(inkedPixels()).isZero();
		drawStroke(canvas);
		// the page draws nothing itself: the segments appear once the mirror has sent them back
		waitUntil((d) -> inkedPixels() > 100);
	}

	@Test
	void theCloseTestShowsTheServersCloseAndTheEchoOfOurs() {
		open("/");
		showTab(3);
		click("ot_open_btn");
		waitUntil((d) -> text("ot_status").contains(OPENED));
		click("ot_req_close_btn");
		waitUntil((d) -> text("ot_status").contains("CLOSED"));
		assertThat(text("ot_status")).contains("code: 1001, reason: seeya");

		click("ot_open_btn");
		waitUntil((d) -> text("ot_status").contains(OPENED));
		click("ot_close_btn");
		// the server answered our close with the same code and reason
		waitUntil((d) -> text("ot_status").contains("CLOSED"));
		assertThat(text("ot_status")).contains("code: 3000, reason: Bye!");
		showTab(1);
		assertThat(text("wsdi_status")).contains(OPENED);
	}

	@Test
	void bothFormsPostToFormtestAndShowTheDemosTable() throws IOException {
		open("/");
		showTab(5);
		WebElement text = browser.findElement(By.cssSelector("form[action=formtest] input[name=text]"));
		text.clear();
		text.sendKeys("typed in a browser");
		browser.findElement(By.cssSelector("form[action=formtest] input[name=send]")).click();
		waitUntil((d) -> d.getCurrentUrl().endsWith("/formtest"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Form results (after urldecoding)");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("text 18 typed in a browser")
			.contains("send 13 Send the form")
			.contains("filename: , length 0");

		open("/");
		showTab(5);
		Path file = Files.createTempFile("lws-upload-", ".bin");
		try {
			Files.write(file, new byte[1234]);
			browser.findElement(By.id("file")).sendKeys(file.toString());
			// the page's own check of the size enables the button
			waitUntil((d) -> d.findElement(By.id("upload")).isEnabled());
			WebElement multipartText = browser.findElement(By.cssSelector("form[name=multipart] input[name=text]"));
			multipartText.clear();
			multipartText.sendKeys("with a file");
			click("upload");
			waitUntil((d) -> d.getCurrentUrl().endsWith("/formtest"));
			assertThat(browser.findElement(By.tagName("body")).getText()).contains("text 11 with a file")
				.contains("upload 6 Upload")
				.contains("filename: " + file.getFileName() + ", length 1234");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * Brings a tab of the page to the front as a user does, by its label (1 counter, 2 mirror, 3 close, 4 status,
	 * 5 forms): the other tabs' contents are hidden, and Selenium neither reads nor clicks what is hidden.
	 */
	private static void showTab(int n) {
		browser.findElement(By.cssSelector("label[for=tab-" + n + "]")).click();
	}

	/** How many pixels of the mirror's canvas have been drawn on (it starts transparent). */
	private static long inkedPixels() {
		return canvasPixels("#wslm_drawing canvas", List.of(0, 0, 0, 1), List.of(255, 255, 255, 255));
	}

}
