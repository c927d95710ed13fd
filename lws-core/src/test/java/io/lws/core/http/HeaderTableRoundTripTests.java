package io.lws.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid requests, sent in random pieces, read back as they were written.
 */
class HeaderTableRoundTripTests {

	/** Known headers a random request may carry: every token header but those with framing rules of their own. */
	private static final List<HeaderToken> FREE_TOKENS = Arrays.stream(HeaderToken.values())
		.filter((token) -> token.kind() == HeaderToken.Kind.HEADER)
		.filter((token) -> token != HeaderToken.HOST && token != HeaderToken.HTTP_CONTENT_LENGTH
				&& token != HeaderToken.HTTP_TRANSFER_ENCODING)
		.toList();

	/** One header as sent: the name as written on the wire, the token it names (or null), the value. */
	record Header(String name, HeaderToken token, String value) {
	}

	record Request(String method, List<String> segments, List<String> args, boolean http10, String host,
			List<Header> headers, boolean bareLf) {

		String wire(Random random) {
			String eol = this.bareLf ? "\n" : "\r\n";
			StringBuilder text = new StringBuilder(this.method).append(" /").append(String.join("/", this.segments));
			if (!this.args.isEmpty()) {
				text.append('?').append(String.join("&", this.args));
			}
			text.append(this.http10 ? " HTTP/1.0" : " HTTP/1.1").append(eol);
			text.append("Host: ").append(this.host).append(eol);
			for (Header header : this.headers) {
				text.append(header.name()).append(':').append(ows(random)).append(header.value()).append(ows(random))
					.append(eol);
			}
			return text.append(eol).toString();
		}

		private static String ows(Random random) {
			return " \t  ".substring(0, random.nextInt(4));
		}

	}

	@Property(tries = 500)
	void headersReadAreHeadersSent(@ForAll("requests") Request request, @ForAll long seed) {
		Random random = new Random(seed);
		byte[] bytes = request.wire(random).getBytes(StandardCharsets.UTF_8);
		HeaderTable table = new HeaderTable(1 << 16, 256, TokenLimits.none());
		int offset = 0;
		ParseResult result = ParseResult.NEED_MORE;
		while (offset < bytes.length && result == ParseResult.NEED_MORE) {
			int piece = 1 + random.nextInt(Math.min(bytes.length - offset, 40));
			ByteBuffer in = ByteBuffer.wrap(bytes, offset, piece);
			result = table.parse(in);
			offset = in.position();
		}
		assertThat(result).isEqualTo(ParseResult.COMPLETE);
		assertThat(offset).isEqualTo(bytes.length);
		assertThat(table.methodName()).isEqualTo(request.method());
		assertThat(table.uriPath()).isEqualTo("/" + String.join("/", request.segments()));
		assertThat(table.isHttp10()).isEqualTo(request.http10());
		assertThat(table.fragment(HeaderToken.HOST, 0)).isEqualTo(request.host());
		assertThat(fragments(table, HeaderToken.HTTP_URI_ARGS)).isEqualTo(request.args());
		for (HeaderToken token : FREE_TOKENS) {
			List<String> sent = request.headers()
				.stream()
				.filter((h) -> h.token() == token)
				.map(Header::value)
				.toList();
			assertThat(fragments(table, token)).as(token.name()).isEqualTo(sent);
			int total = sent.stream().mapToInt((v) -> v.getBytes(StandardCharsets.UTF_8).length).sum();
			assertThat(table.totalLength(token)).isEqualTo(sent.isEmpty() ? 0 : total + sent.size() - 1);
		}
		List<Header> custom = request.headers().stream().filter((h) -> h.token() == null).toList();
		assertThat(table.customHeaderCount()).isEqualTo(custom.size());
		for (int i = 0; i < custom.size(); i++) {
			assertThat(table.customHeaderName(i)).isEqualTo(custom.get(i).name());
			assertThat(table.customHeaderValue(i)).isEqualTo(custom.get(i).value());
		}
	}

	private static List<String> fragments(HeaderTable table, HeaderToken token) {
		List<String> fragments = new ArrayList<>();
		for (int i = 0; i < table.fragmentCount(token); i++) {
			fragments.add(table.fragment(token, i));
		}
		return fragments;
	}

	@Provide
	Arbitrary<Request> requests() {
		Arbitrary<String> methods = Arbitraries.of("GET", "POST", "OPTIONS", "PUT", "PATCH", "DELETE", "HEAD");
		Arbitrary<String> word = Arbitraries.strings().withChars("abcXYZ019-_~").ofMinLength(1).ofMaxLength(8);
		Arbitrary<List<String>> segments = word.filter((w) -> !w.equals(".") && !w.equals("..")).list().ofMaxSize(5);
		Arbitrary<List<String>> args = Combinators.combine(word, word).as((n, v) -> n + "=" + v).list().ofMaxSize(4);
		Arbitrary<List<Header>> headers = Arbitraries.oneOf(knownHeaders(), customHeaders()).list().ofMaxSize(15);
		return Combinators
			.combine(methods, segments, args, Arbitraries.of(true, false), word, headers, Arbitraries.of(true, false))
			.as(Request::new);
	}

	private Arbitrary<Header> knownHeaders() {
		Arbitrary<HeaderToken> tokens = Arbitraries.of(FREE_TOKENS);
		return Combinators.combine(tokens, Arbitraries.of(true, false), values())
			.as((token, upper, value) -> new Header(
					upper ? token.headerName().toUpperCase(Locale.ROOT) : token.headerName(), token, value));
	}

	private Arbitrary<Header> customHeaders() {
		Arbitrary<String> names = Arbitraries.strings()
			.withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~")
			.ofMinLength(1)
			.ofMaxLength(12)
			.filter((name) -> HeaderToken.forHeaderName(name) == null);
		return Combinators.combine(names, values()).as((name, value) -> new Header(name, null, value));
	}

	/** Visible ASCII, some UTF-8, and inner whitespace; never whitespace at either end (that is trimmed). */
	private Arbitrary<String> values() {
		Arbitrary<Character> visible = Arbitraries.chars().range('!', '~');
		Arbitrary<Character> any = Arbitraries.oneOf(visible, Arbitraries.of(' ', '\t', '\u00e9', '\u20ac'));
		return Combinators.combine(visible, any.list().ofMaxSize(30), visible)
			.as((first, middle, last) -> {
				StringBuilder value = new StringBuilder().append(first);
				middle.forEach(value::append);
				return value.append(last).toString();
			})
			.injectDuplicates(0.1)
			.edgeCases((config) -> config.add(""));
	}

}
