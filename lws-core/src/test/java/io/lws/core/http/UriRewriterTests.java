package io.lws.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link UriRewriter}: string replacement over a body that arrives in pieces. */
class UriRewriterTests {

	/** Rewrites {@code text} cut into pieces of the given sizes (the rest as a last piece), then finishes. */
	private static String rewrite(String from, String to, String text, int... pieces) {
		UriRewriter r = new UriRewriter(from, to);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BodySink sink = (b) -> {
			byte[] bytes = new byte[b.remaining()];
			b.get(bytes);
			out.writeBytes(bytes);
		};
		byte[] all = text.getBytes(StandardCharsets.UTF_8);
		int offset = 0;
		for (int p : pieces) {
			r.rewrite(ByteBuffer.wrap(all, offset, p), sink);
			offset += p;
		}
		r.rewrite(ByteBuffer.wrap(all, offset, all.length - offset), sink);
		r.finish(sink);
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void replacesEveryOccurrence() {
		assertThat(rewrite("http://inner/", "https://outer/", "<a href=\"http://inner/x\">http://inner/</a>"))
			.isEqualTo("<a href=\"https://outer/x\">https://outer/</a>");
		assertThat(rewrite("ab", "", "abxabab")).isEqualTo("x");
		assertThat(rewrite("a", "aa", "aba")).isEqualTo("aabaa");
	}

	@Test
	void overlappingPrefixesFallBackCorrectly() {
		// the KMP cases: a failed match must restart inside what was held back, not after it
		assertThat(rewrite("aab", "X", "aaab")).isEqualTo("aX");
		assertThat(rewrite("aab", "X", "aaaab")).isEqualTo("aaX");
		assertThat(rewrite("abab", "X", "ababab")).isEqualTo("Xab");
		assertThat(rewrite("abac", "X", "ababac")).isEqualTo("abX");
		assertThat(rewrite("aab", "X", "aabaab")).isEqualTo("XX");
	}

	@Test
	void matchesSplitAcrossPiecesAreFound() {
		String text = "xx<a href=\"/old/\">/old/</a>";
		for (int split = 0; split <= text.length(); split++) {
			assertThat(rewrite("/old/", "/new/", text, split)).as("split at " + split)
				.isEqualTo("xx<a href=\"/new/\">/new/</a>");
		}
		int[] ones = new int[text.length()];
		java.util.Arrays.fill(ones, 1);
		assertThat(rewrite("/old/", "/new/", text, ones)).isEqualTo("xx<a href=\"/new/\">/new/</a>");
	}

	@Test
	void aPartialMatchAtTheEndIsFlushedByFinish() {
		UriRewriter r = new UriRewriter("aab", "X");
		StringBuilder out = new StringBuilder();
		BodySink sink = (b) -> out.append(StandardCharsets.UTF_8.decode(b));
		r.rewrite(ByteBuffer.wrap("xxaa".getBytes(StandardCharsets.UTF_8)), sink);
		assertThat(out).hasToString("xx");
		r.finish(sink);
		assertThat(out).hasToString("xxaa");
		r.finish(sink);
		assertThat(out).hasToString("xxaa");
	}

	@Test
	void worksOnUtf8Bytes() {
		assertThat(rewrite("é/", "e/", "café/caf\u00e9/", 4)).isEqualTo("cafe/cafe/");
	}

	@Test
	void growsItsOutputForLongReplacements() {
		String to = "r".repeat(5000);
		assertThat(rewrite("x", to, "axbx")).isEqualTo("a" + to + "b" + to);
	}

	@Test
	void emptySearchTextIsRefused() {
		assertThatThrownBy(() -> new UriRewriter("", "x")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void agreesWithStringReplaceOnRandomInputAndCuttings() {
		Random random = new Random(8);
		for (int round = 0; round < 2000; round++) {
			String from = randomText(random, 1 + random.nextInt(4));
			String text = randomText(random, random.nextInt(40));
			int first = (text.isEmpty()) ? 0 : random.nextInt(text.length() + 1);
			int second = random.nextInt(text.length() - first + 1);
			assertThat(rewrite(from, "<>", text, first, second)).as("'" + from + "' in '" + text + "'")
				.isEqualTo(text.replace(from, "<>"));
		}
	}

	private static String randomText(Random random, int length) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < length; i++) {
			sb.append((char) ('a' + random.nextInt(2)));
		}
		return sb.toString();
	}

}
