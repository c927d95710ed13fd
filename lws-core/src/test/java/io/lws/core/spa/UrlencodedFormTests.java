package io.lws.core.spa;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import io.lws.core.spa.FormFeeder.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.lws.core.spa.FormFeeder.URLENCODED;
import static io.lws.core.spa.FormFeeder.bytes;
import static io.lws.core.spa.FormFeeder.sameAtEverySplit;
import static io.lws.core.spa.FormFeeder.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UrlencodedFormTests {

	private static final SpaConfig DEMO = SpaConfig.builder().paramNames("text", "send", "file", "upload").build();

	@Test
	void theLibwebsocketsDemoForm() {
		// The request verified against libwebsockets' POST demo: "hello world!", 12 bytes.
		Outcome outcome = sameAtEverySplit(DEMO, URLENCODED, bytes("text=hello+world%21&send=Send+the+form"));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "hello world!"),
				Map.entry("send", "Send the form"));
		assertThat(outcome.status()).isZero();
	}

	@Test
	void lengthCountsBytes() throws Exception {
		Spa spa = new Spa(DEMO, URLENCODED, null);
		spa.process(ByteBuffer.wrap(bytes("text=%C3%A9t%C3%A9")));
		spa.finish();
		assertThat(spa.value("text")).isEqualTo("été");
		assertThat(spa.length("text")).isEqualTo(5);
		assertThat(spa.length("send")).isZero();
		assertThat(spa.value("send")).isNull();
	}

	@Test
	void escapesAreSplitAnywhereAndAnyCase() {
		Outcome outcome = sameAtEverySplit(DEMO, URLENCODED, bytes("text=%e2%82%AC%2B%26%3d+x"));
		assertThat(outcome.value("text")).isEqualTo("€+&= x");
	}

	@Test
	void encodedSeparatorsAreData() {
		SpaConfig config = SpaConfig.builder().paramNames("a=b", "c&d", "e f").build();
		Outcome outcome = sameAtEverySplit(config, URLENCODED, bytes("a%3Db=1&c%26d=2&e+f=3"));
		assertThat(outcome.values()).containsExactly(Map.entry("a=b", "1"), Map.entry("c&d", "2"),
				Map.entry("e f", "3"));
	}

	@Test
	void unknownParametersAreIgnored() {
		Outcome outcome = sameAtEverySplit(DEMO, URLENCODED,
				bytes("other=1&textual=2&tex=3&text=kept&" + "x".repeat(200) + "=big&send"));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "kept"), Map.entry("send", ""));
		assertThat(outcome.truncated()).isEmpty();
	}

	@Test
	void nameWithoutEqualsHasAnEmptyValueAndEmptyPairsAreSkipped() {
		Outcome outcome = sameAtEverySplit(DEMO, URLENCODED, bytes("&&text&&send=&=orphan&"));
		assertThat(outcome.values()).containsExactly(Map.entry("text", ""), Map.entry("send", ""));
	}

	@Test
	void equalsInAValueIsData() {
		assertThat(whole(DEMO, URLENCODED, bytes("text=a=b==c")).value("text")).isEqualTo("a=b==c");
	}

	@Test
	void theFirstOccurrenceWins() {
		Outcome outcome = sameAtEverySplit(DEMO, URLENCODED, bytes("text=first&text=second&send=1&send=2"));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "first"), Map.entry("send", "1"));
	}

	@Test
	void anEmptyBodyHasNoValues() {
		Outcome outcome = whole(DEMO, URLENCODED, new byte[0]);
		assertThat(outcome.values()).isEmpty();
		assertThat(outcome.status()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text=%", "text=%4", "text=%G1", "text=%4G", "text=a%%41", "other=%zz&text=ok",
			"te%xt=1", "text=%+1" })
	void badEscapesAreRefusedWith400(String body) {
		Outcome outcome = sameAtEverySplit(DEMO, URLENCODED, bytes(body));
		assertThat(outcome.status()).isEqualTo(400);
		assertThat(outcome.error()).isEqualTo(UrlencodedParser.BAD_ESCAPE);
	}

	@Test
	void valuesBeyondTheLimitAreTruncatedAndFlagged() {
		SpaConfig config = DEMO.toBuilder().maxValueLength(5).build();
		Outcome outcome = sameAtEverySplit(config, URLENCODED, bytes("text=hello+world&send=short&upload=12345"));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "hello"), Map.entry("send", "short"),
				Map.entry("upload", "12345"));
		assertThat(outcome.truncated()).containsExactly("text");
		assertThat(outcome.status()).isZero();
	}

	@Test
	void truncationNeverSplitsACharacter() {
		SpaConfig config = DEMO.toBuilder().maxValueLength(6).build();
		// "ab€€": the second euro sign (3 bytes) would end at byte 8, so only "ab€" (5 bytes) is kept.
		Outcome outcome = sameAtEverySplit(config, URLENCODED, bytes("text=ab%E2%82%AC%E2%82%AC"));
		assertThat(outcome.value("text")).isEqualTo("ab€");
		assertThat(outcome.truncated()).containsExactly("text");
	}

	@Test
	void valuesThatAreNotUtf8AreCutAtTheLimitOnly() throws Exception {
		Spa spa = new Spa(DEMO.toBuilder().maxValueLength(4).build(), URLENCODED, null);
		spa.process(ByteBuffer.wrap(bytes("text=%C3%C3%C3%C3%C3%C3")));
		spa.finish();
		// The last 0xC3 looks like a lead byte and is cut; the ones before are kept as they are.
		assertThat(spa.length("text")).isEqualTo(3);
		assertThat(spa.truncated("text")).isTrue();
	}

	@Test
	void sharedStorageRunsOutInOrder() {
		SpaConfig config = DEMO.toBuilder().maxValueLength(10).maxStorage(12).build();
		Outcome outcome = sameAtEverySplit(config, URLENCODED, bytes("text=0123456789&send=abcdef&upload=x"));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "0123456789"), Map.entry("send", "ab"),
				Map.entry("upload", ""));
		assertThat(outcome.truncated()).containsExactly("send", "upload");
	}

	@Test
	void storageHoldsOnlyKeptValues() throws Exception {
		Spa spa = new Spa(DEMO, URLENCODED, null);
		spa.process(ByteBuffer.wrap(bytes("other=" + "y".repeat(100_000) + "&text=abc&")));
		assertThat(spa.storedBytes()).isEqualTo(3);
		spa.process(ByteBuffer.wrap(bytes("z".repeat(100_000))));
		// A name is held only up to one byte past the longest asked-for name.
		assertThat(spa.storedBytes()).isEqualTo(3 + "upload".length() + 1);
	}

	@Test
	void namesAreMatchedExactly() {
		Outcome outcome = whole(DEMO, URLENCODED, bytes("TEXT=1&Text=2&text%20=3&%74ext=4"));
		assertThat(outcome.values()).containsExactly(Map.entry("text", "4"));
	}

	@Test
	void noInputIsTakenAfterFinish() throws Exception {
		Spa spa = new Spa(DEMO, URLENCODED, null);
		spa.finish();
		assertThatIllegalStateException().isThrownBy(() -> spa.process(ByteBuffer.wrap(bytes("text=1"))));
		assertThatIllegalStateException().isThrownBy(spa::finish);
		spa.close();
		assertThat(spa.multipart()).isFalse();
	}

	@Test
	void noInputIsTakenAfterARefusal() throws Exception {
		Spa spa = new Spa(DEMO, URLENCODED, null);
		spa.process(ByteBuffer.wrap(bytes("text=ok&")));
		try {
			spa.process(ByteBuffer.wrap(bytes("send=%")));
			spa.finish();
		}
		catch (SpaException ex) {
			assertThat(ex.httpStatus()).isEqualTo(400);
		}
		assertThatIllegalStateException().isThrownBy(() -> spa.process(ByteBuffer.wrap(bytes("x"))));
		assertThat(spa.value("text")).isEqualTo("ok");
	}

	@Test
	void configuredNamesAreAllReported() {
		assertThat(DEMO.paramNames()).isEqualTo(List.of("text", "send", "file", "upload"));
	}

}
