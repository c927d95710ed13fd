package io.lws.core.spa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.lws.core.spa.FileEvents.Event;
import io.lws.core.spa.FileEvents.UploadedFile;
import io.lws.core.spa.FormFeeder.Outcome;
import org.junit.jupiter.api.Test;

import static io.lws.core.spa.FormFeeder.BOUNDARY;
import static io.lws.core.spa.FormFeeder.MULTIPART;
import static io.lws.core.spa.FormFeeder.bytes;
import static io.lws.core.spa.FormFeeder.sameAtEverySplit;
import static io.lws.core.spa.FormFeeder.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

class MultipartFormTests {

	private static final SpaConfig DEMO = SpaConfig.builder().paramNames("text", "send", "file", "upload").build();

	private static final String DASH = "--" + BOUNDARY;

	/** What Chrome sends for the libwebsockets test page's multipart form with a small text file chosen. */
	private static final String CHROME = DASH + "\r\n"
			+ "Content-Disposition: form-data; name=\"text\"\r\n"
			+ "\r\n"
			+ "hello world\r\n"
			+ DASH + "\r\n"
			+ "Content-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
			+ "Content-Type: text/plain\r\n"
			+ "\r\n"
			+ "line one\r\nline two\r\n\r\n"
			+ DASH + "\r\n"
			+ "Content-Disposition: form-data; name=\"upload\"\r\n"
			+ "\r\n"
			+ "Upload\r\n"
			+ DASH + "--\r\n";

	@Test
	void chromeForm() {
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(CHROME));
		assertThat(outcome.status()).isZero();
		assertThat(outcome.values()).containsExactly(Map.entry("text", "hello world"), Map.entry("upload", "Upload"));
		assertThat(outcome.files()).containsExactly(
				new UploadedFile("file", "notes.txt", "line one\r\nline two\r\n", FileUploadState.FINAL_CONTENT));
	}

	@Test
	void firefoxFormWithItsLongDashedBoundary() {
		// Older Firefox: 27 dashes and a long number; its delimiter lines start with 29 dashes.
		String boundary = "---------------------------974767299852498929531610575";
		String dash = "--" + boundary;
		String body = dash + "\r\n"
				+ "Content-Disposition: form-data; name=\"text\"\r\n\r\n"
				+ "-----------------------------97476729985\r\n"
				+ dash + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"dashes.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n"
				+ "\r\n-\r\n--\r\n" + dash.substring(0, dash.length() - 1) + "\r\n\r\r\n-" + dash + "\r\n\r\n"
				+ dash + "--\r\n";
		Outcome outcome = sameAtEverySplit(DEMO, "multipart/form-data; boundary=" + boundary, bytes(body));
		assertThat(outcome.error()).isNull();
		assertThat(outcome.value("text")).isEqualTo("-----------------------------97476729985");
		assertThat(outcome.files()).singleElement()
			.extracting(UploadedFile::content)
			.isEqualTo("\r\n-\r\n--\r\n" + dash.substring(0, dash.length() - 1) + "\r\n\r\r\n-" + dash + "\r\n");
	}

	@Test
	void newFirefoxFormWithAnEmptyFileInput() {
		// Firefox 128+ uses "----geckoformboundary"; an empty file input is sent with filename="" and no content.
		String boundary = "----geckoformboundaryd3d6d6a4f52d1a8e0cd2b9ffb4ac5a83";
		String dash = "--" + boundary;
		String body = dash + "\r\n"
				+ "Content-Disposition: form-data; name=\"text\"\r\n\r\n"
				+ "x\r\n"
				+ dash + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n"
				+ "\r\n"
				+ dash + "--\r\n";
		Outcome outcome = sameAtEverySplit(DEMO, "multipart/form-data; boundary=" + boundary, bytes(body));
		assertThat(outcome.files()).isEmpty();
		assertThat(outcome.values()).containsExactly(Map.entry("text", "x"), Map.entry("file", ""));
	}

	@Test
	void preambleAndEpilogueAreSkipped() {
		String body = "This is the preamble.\r\n" + DASH + "x\r\n-- not a boundary\r\n" + DASH + "\r\n"
				+ "Content-Disposition: form-data; name=\"text\"\r\n\r\n"
				+ "v\r\n"
				+ DASH + "--\r\nThis is the epilogue.\r\n" + DASH + "\r\ngarbage";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body.replace(DASH + "x\r\n", "")));
		assertThat(outcome.status()).isZero();
		assertThat(outcome.values()).containsExactly(Map.entry("text", "v"));
	}

	@Test
	void aLeadingCrlfAndTransportPaddingAreAccepted() {
		String body = "\r\n" + DASH + " \t \r\n"
				+ "Content-Disposition: form-data; name=\"text\"\r\n\r\n"
				+ "v\r\n"
				+ DASH + "\t\r\n"
				+ "Content-Disposition: form-data; name=\"send\"\r\n\r\n"
				+ "w\r\n"
				+ DASH + "--";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "v"), Map.entry("send", "w"));
	}

	@Test
	void valuesAreKeptAsSent() {
		String body = part("text", "a+b%20c&d=e") + part("send", "") + part("upload", "été\r\nline") + DASH + "--";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "a+b%20c&d=e"), Map.entry("send", ""),
				Map.entry("upload", "été\r\nline"));
	}

	@Test
	void unknownAndRepeatedFieldsAreIgnored() {
		String body = part("other", "1") + part("text", "first") + part("TEXT", "2") + part("text", "second")
				+ DASH + "--\r\n";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "first"));
	}

	@Test
	void headersAreMatchedIgnoringCaseAndQuotedStringsUnescaped() {
		String body = DASH + "\r\n"
				+ "content-type: text/plain\r\n"
				+ "CONTENT-DISPOSITION:Form-Data;NAME=text ; Filename=\"C:\\\\Users\\me\\\"q\\\".txt\"\r\n\r\n"
				+ "data\r\n"
				+ DASH + "\r\n"
				+ "Content-Disposition: form-data; name=send\r\n\r\n"
				+ "token name\r\n"
				+ DASH + "--";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		assertThat(outcome.values()).containsExactly(Map.entry("send", "token name"));
		assertThat(outcome.files()).extracting(UploadedFile::paramName, UploadedFile::fileName)
			.containsExactly(tuple("text", "C:\\Users\\me\"q\".txt"));
	}

	@Test
	void utf8FileNamesAndFileNameStarAreHandled() {
		String body = DASH + "\r\n"
				+ "Content-Disposition: form-data; name=\"f\"; filename=\"r\u00e9sum\u00e9 %22v2%22.pdf\";"
				+ " filename*=UTF-8''ignored.pdf\r\n\r\n"
				+ "%PDF\r\n"
				+ DASH + "--";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		// Percent-escapes in a file name are left for the application: a browser does not escape a literal '%'.
		assertThat(outcome.files()).containsExactly(
				new UploadedFile("f", "r\u00e9sum\u00e9 %22v2%22.pdf", "%PDF", FileUploadState.FINAL_CONTENT));
	}

	@Test
	void filesOfAnyNameReachTheListenerAndEveryByteValueSurvives() {
		byte[] all = new byte[512];
		for (int i = 0; i < all.length; i++) {
			all[i] = (byte) i;
		}
		String content = new String(all, StandardCharsets.ISO_8859_1);
		byte[] body = (filePart("first", "a.bin", content) + filePart("second", "b.bin", "")
				+ part("text", "t") + DASH + "--").getBytes(StandardCharsets.ISO_8859_1);
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, body);
		assertThat(outcome.files()).containsExactly(
				new UploadedFile("first", "a.bin", content, FileUploadState.FINAL_CONTENT),
				new UploadedFile("second", "b.bin", "", FileUploadState.FINAL_CONTENT));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "t"));
	}

	@Test
	void theLastPieceComesWithFinalContent() throws Exception {
		FileEvents events = new FileEvents();
		Spa spa = new Spa(DEMO, MULTIPART, events);
		spa.process(ByteBuffer.wrap(bytes(filePart("file", "a.txt", "abc") + DASH + "--")));
		spa.finish();
		spa.close();
		assertThat(events.events()).containsExactly(new Event("file", "a.txt", FileUploadState.OPEN, ""),
				new Event("file", "a.txt", FileUploadState.FINAL_CONTENT, "abc"));
	}

	@Test
	void contentBeforeABoundaryInTheNextBufferIsFinishedWithAnEmptyPiece() throws Exception {
		FileEvents events = new FileEvents();
		Spa spa = new Spa(DEMO, MULTIPART, events);
		String body = filePart("file", "a.txt", "abc");
		spa.process(ByteBuffer.wrap(bytes(body.substring(0, body.length() - 2))));
		spa.process(ByteBuffer.wrap(bytes("\r\n" + DASH + "--")));
		spa.finish();
		assertThat(events.events()).extracting(Event::state, Event::data)
			.containsExactly(tuple(FileUploadState.OPEN, ""), tuple(FileUploadState.CONTENT, "abc"),
					tuple(FileUploadState.FINAL_CONTENT, ""));
	}

	@Test
	void aHeldBackDelimiterPrefixIsContentWhenTheMatchFails() throws Exception {
		FileEvents events = new FileEvents();
		Spa spa = new Spa(DEMO, MULTIPART, events);
		String body = filePart("file", "a.txt", "abc");
		spa.process(ByteBuffer.wrap(bytes(body.substring(0, body.length() - 2) + "\r\n--")));
		spa.process(ByteBuffer.wrap(bytes("-x\r\n" + DASH + "--")));
		spa.finish();
		assertThat(events.events()).extracting(Event::state, Event::data)
			.containsExactly(tuple(FileUploadState.OPEN, ""), tuple(FileUploadState.CONTENT, "abc"),
					tuple(FileUploadState.CONTENT, "\r\n--"), tuple(FileUploadState.FINAL_CONTENT, "-x"));
	}

	@Test
	void withoutAListenerFilesAreDropped() throws Exception {
		Spa spa = new Spa(DEMO, MULTIPART, null);
		spa.process(ByteBuffer.wrap(bytes(CHROME)));
		spa.finish();
		assertThat(spa.multipart()).isTrue();
		assertThat(spa.value("text")).isEqualTo("hello world");
		assertThat(spa.value("file")).isNull();
		assertThat(spa.storedBytes()).isEqualTo("hello world".length() + "Upload".length());
	}

	@Test
	void truncatedValuesAreFlagged() {
		String body = part("text", "0123456789") + part("send", "€€€") + DASH + "--";
		SpaConfig config = DEMO.toBuilder().maxValueLength(4).build();
		Outcome outcome = sameAtEverySplit(config, MULTIPART, bytes(body));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "0123"), Map.entry("send", "€"));
		assertThat(outcome.truncated()).containsExactly("text", "send");
	}

	@Test
	void closingMidFileTellsTheListener() throws Exception {
		FileEvents events = new FileEvents();
		Spa spa = new Spa(DEMO, MULTIPART, events);
		spa.process(ByteBuffer.wrap(bytes(DASH + "\r\nContent-Disposition: form-data; name=\"file\"; "
				+ "filename=\"big.iso\"\r\n\r\nsome bytes")));
		assertThat(events.fileOpen()).isTrue();
		spa.close();
		spa.close();
		assertThat(events.files()).containsExactly(
				new UploadedFile("file", "big.iso", "some bytes", FileUploadState.CLOSE));
	}

	@Test
	void aFailingListenerStopsTheParserAndIsClosedLater() throws Exception {
		FileEvents events = new FileEvents();
		FileUploadListener failing = (name, fileName, state, data) -> {
			events.onFile(name, fileName, state, data);
			if (state == FileUploadState.CONTENT) {
				throw new IOException("disk full");
			}
		};
		Spa spa = new Spa(DEMO, MULTIPART, failing);
		String body = filePart("file", "a.txt", "abc");
		assertThatIOException().isThrownBy(() -> spa.process(ByteBuffer.wrap(bytes(body))))
			.withMessage("disk full");
		assertThatIllegalStateException()
			.isThrownBy(() -> spa.process(ByteBuffer.wrap(bytes(DASH + "--"))));
		spa.close();
		assertThat(events.files()).containsExactly(new UploadedFile("file", "a.txt", "abc", FileUploadState.CLOSE));
	}

	@Test
	void partsAreCountedWhenTheyStart() {
		SpaConfig config = DEMO.toBuilder().maxParts(2).build();
		assertThat(whole(config, MULTIPART, bytes(part("a", "1") + part("b", "2") + DASH + "--")).status()).isZero();
		Outcome outcome = sameAtEverySplit(config, MULTIPART,
				bytes(part("a", "1") + part("b", "2") + part("text", "3") + DASH + "--"));
		assertThat(outcome.status()).isEqualTo(413);
		assertThat(outcome.error()).isEqualTo("The form has more than 2 parts.");
		assertThat(outcome.values()).isEmpty();
	}

	/** A non-file part with its delimiter line. */
	static String part(String name, String value) {
		return DASH + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	/** A file part with its delimiter line. */
	static String filePart(String name, String fileName, String content) {
		return DASH + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
	}

}
