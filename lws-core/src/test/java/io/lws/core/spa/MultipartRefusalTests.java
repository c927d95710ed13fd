package io.lws.core.spa;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import io.lws.core.spa.FileEvents.UploadedFile;
import io.lws.core.spa.FormFeeder.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.lws.core.spa.FormFeeder.BOUNDARY;
import static io.lws.core.spa.FormFeeder.MULTIPART;
import static io.lws.core.spa.FormFeeder.bytes;
import static io.lws.core.spa.FormFeeder.sameAtEverySplit;
import static io.lws.core.spa.FormFeeder.whole;
import static io.lws.core.spa.MultipartFormTests.filePart;
import static io.lws.core.spa.MultipartFormTests.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Malformed multipart bodies, bodies beyond the limits, and the memory any body can make the parser hold. */
class MultipartRefusalTests {

	private static final SpaConfig DEMO = SpaConfig.builder().paramNames("text", "send", "file", "upload").build();

	private static final String DASH = "--" + BOUNDARY;

	private static final String DISPOSITION = "Content-Disposition: form-data; name=\"text\"\r\n";

	@ParameterizedTest
	@ValueSource(strings = { "", "just some text", DASH, DASH + "\r\n", DASH + "\r\n" + DISPOSITION,
			DASH + "\r\n" + DISPOSITION + "\r\nvalue", DASH + "\r\n" + DISPOSITION + "\r\nvalue\r\n" + DASH,
			DASH + "\r\n" + DISPOSITION + "\r\nvalue\r\n" + DASH + "-" })
	void aBodyWithoutItsClosingBoundaryIsRefused(String body) {
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		assertThat(outcome.status()).isEqualTo(400);
		assertThat(outcome.error()).isEqualTo(MultipartParser.NO_CLOSING_DELIMITER);
	}

	@Test
	void aFileCutShortIsClosed() {
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(filePart("file", "a.txt", "partial data")));
		assertThat(outcome.status()).isEqualTo(400);
		assertThat(outcome.files()).containsExactly(
				new UploadedFile("file", "a.txt", "partial data", FileUploadState.CLOSE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "x\r\n", "-x", " x\r\n", "\rx", "\n", " \r\r\n" })
	void aDelimiterFollowedByAnythingElseIsRefused(String after) {
		String body = part("text", "v") + DASH + after + DISPOSITION + "\r\nw\r\n" + DASH + "--";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		assertThat(outcome.status()).isEqualTo(400);
		assertThat(outcome.error()).isEqualTo(MultipartParser.BAD_DELIMITER);
		assertThat(outcome.values()).containsExactly(Map.entry("text", "v"));
	}

	@Test
	void theBoundaryInsideAFileEndsItAndTheBodyIsRefused() {
		// RFC 2046 forbids the delimiter inside a part. The part ends where it appears, before what follows it can
		// be seen: one reason a FINAL_CONTENT file is only kept once finish() returned.
		String body = filePart("file", "a.txt", "one\r\n" + DASH + "x\r\ntwo") + DASH + "--";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		assertThat(outcome.status()).isEqualTo(400);
		assertThat(outcome.error()).isEqualTo(MultipartParser.BAD_DELIMITER);
		assertThat(outcome.files())
			.containsExactly(new UploadedFile("file", "a.txt", "one", FileUploadState.FINAL_CONTENT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Content-Type: text/plain\r\n\r\n", "\r\n", "Content-Disposition: attachment\r\n\r\n",
			"Content-Disposition: form-data\r\n\r\n", "Content-Disposition: form-data; name=\"a\r\n\r\n",
			"Content-Disposition: form-data; name=\"a\"\nX: y\r\n\r\n", "Content-Disposition: form-data; name=a\r\r\n",
			"Content-Disposition: form-data; name=a\r\nX-Folded: a\r\n b\r\n\r\n",
			"Content-Disposition: form-data; name=a\r\nno colon here\r\n\r\n",
			"Content-Disposition: form-data; name=a\r\nX: a\u0000b\r\n\r\n",
			"Content-Disposition: form-data; name=a\r\ncontent-disposition: form-data; name=b\r\n\r\n" })
	void malformedPartHeadersAreRefused(String headers) {
		String body = DASH + "\r\n" + headers + "value\r\n" + DASH + "--";
		Outcome outcome = sameAtEverySplit(DEMO, MULTIPART, bytes(body));
		assertThat(outcome.status()).isEqualTo(400);
		assertThat(outcome.values()).isEmpty();
	}

	@Test
	void partHeaderMessages() {
		assertThat(whole(DEMO, MULTIPART, bytes(DASH + "\r\nContent-Type: text/plain\r\n\r\nv\r\n" + DASH + "--"))
			.error()).isEqualTo(PartHeaderReader.MISSING);
		assertThat(whole(DEMO, MULTIPART, bytes(DASH + "\r\nX: y\nZ\r\n\r\n")).error())
			.isEqualTo(PartHeaderReader.BAD_LINE_END);
		assertThat(whole(DEMO, MULTIPART, bytes(DASH + "\r\n" + DISPOSITION + " folded\r\n\r\n")).error())
			.isEqualTo(PartHeaderReader.FOLDED);
		assertThat(whole(DEMO, MULTIPART, bytes(DASH + "\r\nContent-Disposition: form-data\r\n\r\n")).error())
			.isEqualTo(ContentDisposition.NO_NAME);
	}

	@Test
	void aFileLargerThanTheLimitIsClosedAndRefusedWith413() {
		SpaConfig config = DEMO.toBuilder().maxFileSize(10).build();
		Outcome fits = sameAtEverySplit(config, MULTIPART, bytes(filePart("file", "a", "0123456789") + DASH + "--"));
		assertThat(fits.files()).containsExactly(
				new UploadedFile("file", "a", "0123456789", FileUploadState.FINAL_CONTENT));
		byte[] body = bytes(filePart("file", "a", "0123456789X") + DASH + "--");
		// How much reaches the listener before the refusal depends on where the input was cut, so each cut is
		// checked on its own: never a byte beyond the limit, always a CLOSE and a 413.
		for (int split = 0; split <= body.length; split++) {
			Outcome tooLarge = FormFeeder.splitAt(config, MULTIPART, body, split);
			assertThat(tooLarge.status()).isEqualTo(413);
			assertThat(tooLarge.error()).isEqualTo("The uploaded file is larger than 10 bytes.");
			assertThat(tooLarge.files()).singleElement().satisfies((file) -> {
				assertThat(file.end()).isEqualTo(FileUploadState.CLOSE);
				assertThat(file.content()).hasSizeLessThanOrEqualTo(10);
			});
		}
	}

	@Test
	void aFileIsRefusedBeforeItsWholeBodyArrives() throws Exception {
		FileEvents events = new FileEvents();
		Spa spa = new Spa(DEMO.toBuilder().maxFileSize(100_000).build(), MULTIPART, events);
		spa.process(ByteBuffer.wrap(bytes(DASH + "\r\nContent-Disposition: form-data; name=file; filename=big"
				+ "\r\n\r\n")));
		ByteBuffer megabyte = ByteBuffer.wrap(new byte[64 * 1024]);
		spa.process(megabyte);
		SpaException refusal = catchThrowableOfType(
				() -> spa.process(ByteBuffer.wrap(new byte[64 * 1024])), SpaException.class);
		assertThat(refusal.httpStatus()).isEqualTo(413);
		assertThat(refusal).hasToString("SpaException[413: The uploaded file is larger than 100000 bytes.]");
		assertThat(events.files()).singleElement().extracting(UploadedFile::end).isEqualTo(FileUploadState.CLOSE);
		spa.close();
		assertThat(events.events()).hasSize(3);
	}

	@Test
	void filesWithoutAListenerAreStillHeldToTheLimit() {
		SpaConfig config = DEMO.toBuilder().maxFileSize(3).build();
		byte[] body = bytes(filePart("file", "a", "abcd") + DASH + "--");
		assertThatExceptionOfType(SpaException.class).isThrownBy(() -> {
			Spa spa = new Spa(config, MULTIPART, null);
			spa.process(ByteBuffer.wrap(body));
		}).satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(413));
	}

	@Test
	void oneLongHeaderLineIsRefusedWithBoundedMemory() throws Exception {
		SpaConfig config = DEMO.toBuilder().maxPartHeaderSize(256).build();
		Spa spa = new Spa(config, MULTIPART, null);
		spa.process(ByteBuffer.wrap(bytes(DASH + "\r\nX-Bomb: ")));
		byte[] bomb = new byte[16];
		Arrays.fill(bomb, (byte) 'a');
		SpaException refusal = null;
		for (int i = 0; i < 1000 && refusal == null; i++) {
			assertThat(spa.storedBytes()).isLessThanOrEqualTo(256);
			try {
				spa.process(ByteBuffer.wrap(bomb));
			}
			catch (SpaException ex) {
				refusal = ex;
			}
		}
		assertThat(refusal).isNotNull();
		assertThat(refusal.getMessage()).isEqualTo(PartHeaderReader.TOO_LARGE);
		assertThat(refusal.httpStatus()).isEqualTo(400);
	}

	@Test
	void manyShortHeaderLinesAreRefusedToo() {
		SpaConfig config = DEMO.toBuilder().maxPartHeaderSize(256).build();
		String headers = "X: y\r\n".repeat(60);
		Outcome outcome = sameAtEverySplit(config, MULTIPART,
				bytes(DASH + "\r\n" + headers + DISPOSITION + "\r\nv\r\n" + DASH + "--"));
		assertThat(outcome.error()).isEqualTo(PartHeaderReader.TOO_LARGE);
		String fits = "X: y\r\n".repeat(20);
		assertThat(whole(config, MULTIPART, bytes(DASH + "\r\n" + fits + DISPOSITION + "\r\nv\r\n" + DASH + "--"))
			.value("text")).isEqualTo("v");
	}

	@Test
	void aMegabyteOfGarbageWithoutBoundaryHoldsNothing() throws Exception {
		Spa spa = new Spa(DEMO, MULTIPART, new FileEvents());
		Random random = new Random(42);
		byte[] piece = new byte[4096];
		for (int i = 0; i < 256; i++) {
			random.nextBytes(piece);
			spa.process(ByteBuffer.wrap(piece));
			assertThat(spa.storedBytes()).isZero();
		}
		SpaException refusal = catchThrowableOfType(spa::finish, SpaException.class);
		assertThat(refusal.getMessage()).isEqualTo(MultipartParser.NO_CLOSING_DELIMITER);
	}

	@Test
	void aMegabyteOfAlmostBoundariesInAFileHoldsNothing() throws Exception {
		FileEvents events = new FileEvents();
		Spa spa = new Spa(DEMO, MULTIPART, events);
		spa.process(ByteBuffer.wrap(bytes(DASH + "\r\nContent-Disposition: form-data; name=f; filename=x\r\n\r\n")));
		byte[] almost = bytes("\r\n" + DASH.substring(0, DASH.length() - 1));
		long sent = 0;
		while (sent < 1_000_000) {
			spa.process(ByteBuffer.wrap(almost));
			sent += almost.length;
			assertThat(spa.storedBytes()).isZero();
		}
		spa.process(ByteBuffer.wrap(bytes("\r\n" + DASH + "--")));
		spa.finish();
		int length = (int) sent;
		assertThat(events.files()).singleElement()
			.satisfies((file) -> assertThat(file.content()).hasSize(length));
	}

	@Test
	void aMegabyteOfUnwantedValuesHoldsNothing() throws Exception {
		Spa spa = new Spa(DEMO, MULTIPART, null);
		spa.process(ByteBuffer.wrap(bytes(part("unwanted", ""))));
		byte[] piece = new byte[1000];
		Arrays.fill(piece, (byte) 'u');
		for (int i = 0; i < 1000; i++) {
			spa.process(ByteBuffer.wrap(piece));
		}
		spa.process(ByteBuffer.wrap(bytes("\r\n" + DASH + "--")));
		spa.finish();
		assertThat(spa.storedBytes()).isZero();
	}

	@Test
	void storageIsBoundedByTheConfiguration() throws Exception {
		SpaConfig config = SpaConfig.builder()
			.paramNames("a", "b", "c", "d")
			.maxValueLength(100)
			.maxStorage(250)
			.maxPartHeaderSize(128)
			.build();
		Spa spa = new Spa(config, MULTIPART, null);
		String big = "v".repeat(1000);
		for (String name : config.paramNames()) {
			spa.process(ByteBuffer.wrap(bytes(part(name, big))));
			assertThat(spa.storedBytes()).isLessThanOrEqualTo(250 + 128);
		}
		spa.process(ByteBuffer.wrap(bytes(DASH + "--")));
		spa.finish();
		assertThat(spa.storedBytes()).isEqualTo(250);
		assertThat(spa.length("a")).isEqualTo(100);
		assertThat(spa.length("c")).isEqualTo(50);
		assertThat(spa.length("d")).isZero();
		assertThat(spa.value("d")).isEmpty();
		assertThat(spa.truncated("d")).isTrue();
	}

}
