package io.lws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HttpHeadersTest {

	@Test
	void writesTheStatusLineServerHeadersInLowerCaseAndTheBlankLine() {
		ByteBuffer head = HttpHeaders.status(200).contentType("text/plain").add("X-Custom-Thing", "Value")
			.contentLength(1024).toByteBuffer("HTTP/1.1", "lwsj");
		assertThat(text(head)).isEqualTo("HTTP/1.1 200 OK\r\nserver: lwsj\r\ncontent-type: text/plain\r\n"
				+ "x-custom-thing: Value\r\ncontent-length: 1024\r\n\r\n");
	}

	@Test
	void aServerHeaderOfTheCallersReplacesTheContextsAndNullMeansNone() {
		assertThat(text(HttpHeaders.status(404).add("Server", "mine").toByteBuffer("HTTP/1.0", "lwsj")))
			.isEqualTo("HTTP/1.0 404 Not Found\r\nserver: mine\r\n\r\n");
		assertThat(text(HttpHeaders.status(204).toByteBuffer("HTTP/1.1", null)))
			.isEqualTo("HTTP/1.1 204 No Content\r\n\r\n");
	}

	@Test
	void contentLengthIsWrittenInDecimalForZeroAndLargeFiles() {
		assertThat(text(HttpHeaders.status(200).contentLength(0).toByteBuffer("HTTP/1.1", null)))
			.endsWith("content-length: 0\r\n\r\n");
		assertThat(text(HttpHeaders.status(200).contentLength(Long.MAX_VALUE).toByteBuffer("HTTP/1.1", null)))
			.endsWith("content-length: 9223372036854775807\r\n\r\n");
		assertThatThrownBy(() -> HttpHeaders.status(200).contentLength(-1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void textOutsideLatin1IsSentAsAQuestionMarkAndLatin1AsItsByte() {
		ByteBuffer head = HttpHeaders.status(200).add("x-name", "caf\u00e9 \u20ac").toByteBuffer("HTTP/1.1", null);
		assertThat(text(head)).contains("x-name: caf\u00e9 ?\r\n");
	}

	@Test
	void manyHeadersGrowTheHeadAndTheLengthIsExact() {
		HttpHeaders h = HttpHeaders.status(200);
		StringBuilder expected = new StringBuilder("HTTP/1.1 200 OK\r\nserver: s\r\n");
		for (int i = 0; i < 100; i++) {
			h.add("x-h" + i, "v".repeat(i));
			expected.append("x-h").append(i).append(": ").append("v".repeat(i)).append("\r\n");
		}
		expected.append("\r\n");
		ByteBuffer head = h.toByteBuffer("HTTP/1.1", "s");
		assertThat(h.encodedLength("HTTP/1.1", "s")).isEqualTo(head.remaining());
		assertThat(text(head)).isEqualTo(expected.toString());
	}

	@Test
	void writeToAppendsAtTheBuffersPositionAndRefusesTooSmallABuffer() {
		HttpHeaders h = HttpHeaders.status(301).add("location", "/a/");
		ByteBuffer dst = ByteBuffer.allocate(100).put((byte) 'X');
		h.writeTo(dst, "HTTP/1.1", null);
		assertThat(text(dst.flip())).isEqualTo("XHTTP/1.1 301 Moved Permanently\r\nlocation: /a/\r\n\r\n");
		assertThatThrownBy(() -> h.writeTo(ByteBuffer.allocate(10), "HTTP/1.1", null))
			.isInstanceOf(BufferOverflowException.class);
	}

	@Test
	void lineBreaksAndColonsInNamesAndLineBreaksInValuesAreRefused() {
		HttpHeaders h = HttpHeaders.status(200);
		assertThatThrownBy(() -> h.add("x", "a\r\nset-cookie: evil")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> h.add("x:y", "a")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> h.add("", "a")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> HttpHeaders.status(99)).isInstanceOf(IllegalArgumentException.class);
		assertThat(text(h.toByteBuffer("HTTP/1.1", null))).isEqualTo("HTTP/1.1 200 OK\r\n\r\n");
	}

	/** The head as text, without its date line (checked by {@link #aDateIsAddedToEveryAnswerButA1xx}). */
	private static String text(ByteBuffer b) {
		return raw(b).replaceFirst("date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n", "");
	}

	private static String raw(ByteBuffer b) {
		byte[] bytes = new byte[b.remaining()];
		b.get(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	@Test
	void aDateIsAddedToEveryAnswerButA1xx() {
		String head = raw(HttpHeaders.status(200).contentLength(0).toByteBuffer("HTTP/1.1", "s"));
		assertThat(head).matches("HTTP/1\\.1 200 OK\r\nserver: s\r\ndate: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
				+ "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n"
				+ "content-length: 0\r\n\r\n");
		assertThat(raw(HttpHeaders.status(404).add("Date", "Sun, 06 Nov 1994 08:49:37 GMT")
			.toByteBuffer("HTTP/1.1", null)))
			.isEqualTo("HTTP/1.1 404 Not Found\r\ndate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n");
		assertThat(raw(HttpHeaders.status(101).toByteBuffer("HTTP/1.1", null)))
			.isEqualTo("HTTP/1.1 101 Switching Protocols\r\n\r\n");
	}

}
