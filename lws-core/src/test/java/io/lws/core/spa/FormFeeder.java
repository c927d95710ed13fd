package io.lws.core.spa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds form bodies to a {@link Spa} in chosen pieces and sums up what came out. */
final class FormFeeder {

	static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

	static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

	static final String URLENCODED = "application/x-www-form-urlencoded";

	/**
	 * Everything the application can observe of one parse.
	 * @param values the asked-for names that have a value, with it
	 * @param truncated the asked-for names whose value was cut
	 * @param files the file parts that ended
	 * @param status 0 when the body was accepted, else the refusal's status
	 * @param error the refusal's message, or {@code null}
	 */
	record Outcome(Map<String, String> values, List<String> truncated, List<FileEvents.UploadedFile> files,
			int status, String error) {

		/** The value of a name. */
		String value(String name) {
			return this.values.get(name);
		}

	}

	private FormFeeder() {
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Parses {@code body} fed as consecutive buffers of the given sizes, then finishes and closes. */
	static Outcome feed(SpaConfig config, String contentType, byte[] body, int... pieces) {
		FileEvents listener = new FileEvents();
		Spa spa = new Spa(config, contentType, listener);
		int status = 0;
		String error = null;
		try {
			int offset = 0;
			for (int piece : pieces) {
				ByteBuffer in = ByteBuffer.wrap(body, offset, piece);
				spa.process(in);
				assertThat(in.hasRemaining()).as("process consumes everything").isFalse();
				offset += piece;
			}
			assertThat(offset).as("the pieces cover the body").isEqualTo(body.length);
			spa.finish();
		}
		catch (SpaException ex) {
			status = ex.httpStatus();
			error = ex.getMessage();
			assertThat(listener.fileOpen()).as("no file is left open after a refusal").isFalse();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			spa.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(listener.fileOpen()).isFalse();
		Map<String, String> values = new LinkedHashMap<>();
		List<String> truncated = new ArrayList<>();
		for (String name : config.paramNames()) {
			String value = spa.value(name);
			if (value != null) {
				values.put(name, value);
				assertThat(spa.length(name)).isEqualTo(bytes(value).length);
			}
			else {
				assertThat(spa.length(name)).isZero();
			}
			if (spa.truncated(name)) {
				truncated.add(name);
			}
		}
		return new Outcome(values, truncated, listener.files(), status, error);
	}

	/** Parses {@code body} in one piece. */
	static Outcome whole(SpaConfig config, String contentType, byte[] body) {
		return feed(config, contentType, body, body.length);
	}

	/** Parses {@code body} one byte at a time. */
	static Outcome byteByByte(SpaConfig config, String contentType, byte[] body) {
		int[] pieces = new int[body.length];
		Arrays.fill(pieces, 1);
		return feed(config, contentType, body, pieces);
	}

	/** Parses {@code body} in two pieces cut at {@code split}. */
	static Outcome splitAt(SpaConfig config, String contentType, byte[] body, int split) {
		return feed(config, contentType, body, split, body.length - split);
	}

	/** Piece sizes from 1 to {@code max} covering {@code length} bytes, drawn from {@code random}. */
	static int[] randomPieces(Random random, int length, int max) {
		List<Integer> pieces = new ArrayList<>();
		int left = length;
		while (left > 0) {
			int piece = Math.min(left, 1 + random.nextInt(max));
			pieces.add(piece);
			left -= piece;
		}
		return pieces.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Asserts that every way of cutting {@code body} gives the same outcome as parsing it whole, and returns it. */
	static Outcome sameAtEverySplit(SpaConfig config, String contentType, byte[] body) {
		Outcome whole = whole(config, contentType, body);
		assertThat(byteByByte(config, contentType, body)).as("byte by byte").isEqualTo(whole);
		for (int split = 0; split <= body.length; split++) {
			assertThat(splitAt(config, contentType, body, split)).as("split at %d", split).isEqualTo(whole);
		}
		Random random = new Random(body.length);
		for (int round = 0; round < 20; round++) {
			int[] pieces = randomPieces(random, body.length, 1 + random.nextInt(16));
			assertThat(feed(config, contentType, body, pieces)).as("random pieces").isEqualTo(whole);
		}
		return whole;
	}

}
