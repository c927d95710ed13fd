package io.lws.core.mount;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpCachingTest {

	private static final String ETAG = "\"00001C255FC6800A\"";

	@Test
	void etagIsSizeAndMtimeSecondsInUpperCaseHex() {
		// The tag libwebsockets 4.1.6 sent for a 7205-byte file modified at 1606844426 s, now quoted.
		assertThat(HttpCaching.etag(7205, 1606844426_999L)).isEqualTo(ETAG);
		assertThat(HttpCaching.etag(0, 0)).isEqualTo("\"0000000000000000\"");
		assertThat(HttpCaching.etag(0x1_0000_0000L, 1000)).isEqualTo("\"10000000000000001\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"00001C255FC6800A\"", "W/\"00001C255FC6800A\"", "00001C255FC6800A", "*", " * ",
			"\"other\", \"00001C255FC6800A\"", "\"a,b\",W/\"00001C255FC6800A\"", "\"x\"  ,\t00001C255FC6800A" })
	void ifNoneMatchHits(String header) {
		assertThat(HttpCaching.ifNoneMatchHits(header, ETAG)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\"00001c255fc6800a\"", "\"00001C255FC6800B\"", "\"other\"",
			"\"00001C255FC6800A", "\"a,00001C255FC6800A\"", "\"*\"", "w/\"00001C255FC6800A\"" })
	void ifNoneMatchMisses(String header) {
		assertThat(HttpCaching.ifNoneMatchHits(header, ETAG)).isFalse();
	}

	@Test
	void ifNoneMatchMissesWhenAbsentAndComparesWeakTagsWeakly() {
		assertThat(HttpCaching.ifNoneMatchHits(null, ETAG)).isFalse();
		assertThat(HttpCaching.ifNoneMatchHits("\"abc\"", "W/\"abc\"")).isTrue();
	}

	@Test
	void ifMatchFailsUnlessItIsStarOrNamesTheTagStrongly() {
		assertThat(HttpCaching.ifMatchFails(null, ETAG)).isFalse();
		assertThat(HttpCaching.ifMatchFails("*", ETAG)).isFalse();
		assertThat(HttpCaching.ifMatchFails(ETAG, ETAG)).isFalse();
		assertThat(HttpCaching.ifMatchFails("\"zz\", " + ETAG, ETAG)).isFalse();
		assertThat(HttpCaching.ifMatchFails("\"zz\"", ETAG)).isTrue();
		assertThat(HttpCaching.ifMatchFails("W/" + ETAG, ETAG)).as("weak tags never match strongly").isTrue();
		assertThat(HttpCaching.ifMatchFails("", ETAG)).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "0|true|true|true|no-store", "60|false|true|true|no-store",
			"60|true|false|false|private, max-age=60", "60|true|false|true|public, max-age=60",
			"60|true|true|false|must-revalidate, private, max-age=60",
			"86400|true|true|true|must-revalidate, public, max-age=86400" })
	void cacheControlFollowsLibwebsockets4(int maxAge, boolean reusable, boolean revalidate, boolean intermediaries,
			String expected) {
		Mount mount = Mount.builder()
			.mountpoint("/")
			.originProtocol(MountOrigin.FILE)
			.origin("/srv")
			.cacheMaxAge(maxAge)
			.cacheReusable(reusable)
			.cacheRevalidate(revalidate)
			.cacheIntermediaries(intermediaries)
			.build();
		assertThat(HttpCaching.cacheControl(mount)).isEqualTo(expected);
	}

}
