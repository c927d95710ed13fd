package io.lws.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import io.lws.core.HeaderToken;

/**
 * Feeds a request head to a {@link HeaderTable} in pieces and describes everything the table then answers, so a
 * test can compare the outcome of different ways of cutting the same bytes.
 */
final class HeadFeeder {

	private HeadFeeder() {
	}

	/** What one feeding produced: the result, how many bytes were consumed, and a description of the table. */
	record Outcome(ParseResult result, int consumed, String table) {
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Feeds {@code bytes} as consecutive buffers of the given sizes, stopping at the first result not NEED_MORE. */
	static Outcome feed(HeaderTable table, byte[] bytes, int... pieces) {
		int offset = 0;
		ParseResult result = ParseResult.NEED_MORE;
		int consumed = 0;
		for (int piece : pieces) {
			ByteBuffer in = ByteBuffer.wrap(bytes, offset, piece);
			result = table.parse(in);
			consumed += in.position() - offset;
			offset += piece;
			if (result != ParseResult.NEED_MORE) {
				break;
			}
		}
		return new Outcome(result, consumed, describe(table));
	}

	static Outcome whole(HeaderTable table, byte[] bytes) {
		return feed(table, bytes, bytes.length);
	}

	/** Every way of cutting the input the tests compare: whole, byte by byte, each split point, random chunks. */
	static List<int[]> cuttings(int length, long seed) {
		List<int[]> cuttings = new ArrayList<>();
		cuttings.add(new int[] { length });
		int[] single = new int[length];
		Arrays.fill(single, 1);
		cuttings.add(single);
		for (int split = 0; split <= length; split++) {
			cuttings.add(new int[] { split, length - split });
		}
		Random random = new Random(seed);
		for (int round = 0; round < 20; round++) {
			List<Integer> pieces = new ArrayList<>();
			int left = length;
			while (left > 0) {
				int piece = 1 + random.nextInt(Math.min(left, 1 + random.nextInt(16)));
				pieces.add(piece);
				left -= piece;
			}
			cuttings.add(pieces.stream().mapToInt(Integer::intValue).toArray());
		}
		return cuttings;
	}

	/** The outcome of every cutting, each with a fresh table. */
	static List<Outcome> allCuttings(Supplier<HeaderTable> tables, byte[] bytes) {
		List<Outcome> outcomes = new ArrayList<>();
		for (int[] pieces : cuttings(bytes.length, bytes.length)) {
			outcomes.add(feed(tables.get(), bytes, pieces));
		}
		return outcomes;
	}

	/** Everything the table answers, as text. */
	static String describe(HeaderTable table) {
		StringBuilder text = new StringBuilder();
		text.append("error=").append(table.error()).append(" status=").append(table.errorStatus());
		text.append(" method=").append(table.methodName()).append(" http10=").append(table.isHttp10());
		text.append(" path=").append(table.uriPath()).append(" raw=").append(table.rawUri());
		text.append(" host=").append(table.absoluteFormHost()).append('\n');
		for (HeaderToken token : HeaderToken.values()) {
			if (table.has(token)) {
				text.append(token).append(" total=").append(table.totalLength(token)).append(" [");
				for (int i = 0; i < table.fragmentCount(token); i++) {
					text.append((i > 0) ? "|" : "").append(table.fragment(token, i));
				}
				text.append("]\n");
			}
		}
		for (int i = 0; i < table.customHeaderCount(); i++) {
			text.append("custom ").append(table.customHeaderName(i)).append('=').append(table.customHeaderValue(i))
				.append('\n');
		}
		text.append("length=").append(table.contentLength()).append(" chunked=").append(table.isChunked());
		text.append(" keepAlive=").append(table.keepAlive()).append(" used=").append(table.usedBytes());
		return text.toString();
	}

}
