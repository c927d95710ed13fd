package io.lws.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.lws.core.ws.Utf8Validator;

/**
 * Measures {@link Utf8Validator#update(ByteBuffer)}, the check every received text message goes through (RFC 6455
 * section 8.1). One operation is one whole text of {@code size} bytes; multiply by the size for bytes per second.
 * <p>
 * Two kinds of text, because the validator has two speeds: {@code ascii} runs entirely on its fast path, which
 * steps over eight ASCII bytes at a time, while {@code mixed} (Latin, Greek, CJK and emoji, so 1- to 4-byte
 * sequences, with ASCII between them as real chat text has) keeps dropping to the byte-by-byte automaton. The
 * texts are valid, so the whole input is always read; the benchmark fails at setup otherwise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Utf8ValidateBenchmark {

	/** Repeated to fill the mixed text: 1-byte, 2-byte, 3-byte and 4-byte sequences with spaces between. */
	private static final String MIXED_SAMPLE = "Grüße aus Köln, καλημέρα κόσμε, 你好世界, こんにちは 🙂🚀 — ok! ";

	/** Repeated to fill the ASCII text. */
	private static final String ASCII_SAMPLE = "The quick brown fox jumps over the lazy dog; 0123456789. ";

	/** Which text: pure ASCII, or a mix of 1- to 4-byte sequences. */
	@Param({ "ascii", "mixed" })
	public String text;

	/** Bytes of UTF-8 per operation. */
	@Param({ "1024", "65536" })
	public int size;

	private ByteBuffer bytes;

	private final Utf8Validator validator = new Utf8Validator();

	/** Builds exactly {@code size} bytes of valid UTF-8 of the chosen kind. */
	@Setup(Level.Trial)
	public void setUp() {
		String sample = switch (this.text) {
			case "ascii" -> ASCII_SAMPLE;
			case "mixed" -> MIXED_SAMPLE;
			default -> throw new IllegalArgumentException("Unknown text kind " + this.text);
		};
		this.bytes = ByteBuffer.wrap(fill(sample, this.size));
		if (!Utf8Validator.isValid(this.bytes)) {
			throw new IllegalStateException("The benchmark text is not valid UTF-8");
		}
	}

	/** Checks one whole text, as for a message delivered in one piece. */
	@Benchmark
	public boolean validate() {
		this.validator.reset();
		return this.validator.update(this.bytes) && this.validator.isComplete();
	}

	/**
	 * Repeats {@code sample} whole code point by whole code point until the next one would not fit, then pads with
	 * ASCII, so the result is exactly {@code size} bytes and ends on a code point boundary.
	 */
	static byte[] fill(String sample, int size) {
		byte[] out = new byte[size];
		int at = 0;
		int i = 0;
		while (true) {
			int codePoint = sample.codePointAt(i);
			byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
			if (at + encoded.length > size) {
				break;
			}
			System.arraycopy(encoded, 0, out, at, encoded.length);
			at += encoded.length;
			i = (i + Character.charCount(codePoint)) % sample.length();
		}
		while (at < size) {
			out[at++] = ' ';
		}
		return out;
	}

}
