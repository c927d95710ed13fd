package io.lws.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path traversal in every encoding never climbs above {@code /} and never leaves a {@code ..} segment.
 */
class PathNormalisationTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/                          | /
			/a/b                       | /a/b
			/a/b/                      | /a/b/
			//a///b//                  | /a/b/
			/./a/./b/.                 | /a/b/
			/a/..                      | /
			/a/b/..                    | /a/
			/a/../b                    | /b
			/private/../test.css       | /test.css
			/a/../../etc/passwd        | /etc/passwd
			/../../../../etc/passwd    | /etc/passwd
			/..                        | /
			/.                         | /
			/%2e%2e/%2e%2e/etc         | /etc
			/a/%2E%2e/%2e./.%2E/b      | /b
			/a/..%2f..%2fetc           | /etc
			/a/%2e%2e%2f%2e%2e%2fetc   | /etc
			/a%2fb%2F..%2Fc            | /a/c
			/%252e%252e/%252e%252e/etc | /%2e%2e/%2e%2e/etc
			/a/%252e%252e%252fb        | /a/%2e%2e%2fb
			/.../a                     | /.../a
			/..a/b..                   | /..a/b..
			/a/.b/./c                  | /a/.b/c
			/%41%42%43                 | /ABC
			/a;b=c/d                   | /a;b=c/d
			/a/b/c/../../..            | /
			""")
	void traversalIsResolvedWithinTheRoot(String target, String expected) {
		HeaderTable table = parsed(target);
		assertThat(table.uriPath()).isEqualTo(expected);
		assertThat(table.rawUri()).isEqualTo(target);
		assertThat(segments(table.uriPath())).doesNotContain("..", ".");
	}

	@ParameterizedTest
	@CsvSource({ "/..\\..\\etc", "/a/%5c../etc", "/a/%5C%2e%2e", "/a\\b", "/%00/etc", "/a/..%00/b", "/%2e%2e%00" })
	void backslashAndNulAreRefused(String target) {
		HeaderTable table = parsed(target);
		assertThat(table.errorStatus()).isEqualTo(400);
		assertThat(table.uriPath()).isNull();
	}

	@Property(tries = 2000)
	void anySequenceOfTraversalSegmentsStaysInTheRoot(@ForAll("segmentLists") List<String> segments) {
		String target = "/" + String.join("/", segments);
		HeaderTable table = parsed(target);
		assertThat(table.isComplete()).as(target).isTrue();
		String path = table.uriPath();
		assertThat(path).as(target).startsWith("/").doesNotContain("//");
		assertThat(segments(path)).as(target).doesNotContain("..", ".");
		assertThat(path).as(target).isEqualTo(model(decodeOnce(target)));
	}

	@Provide
	Arbitrary<List<String>> segmentLists() {
		return Arbitraries.of("a", "b", "..", ".", "", "%2e%2e", "%2E%2e", "%2e", ".%2E", "..%2f", "%2e%2e%2f", "%2f",
				"%2F..", "%252e%252e", "...", "a%2f..%2f..", "x..", "..x")
			.list()
			.ofMaxSize(12);
	}

	/** Decodes %XX once, nothing else: what the server must see before normalising. */
	private static String decodeOnce(String target) {
		StringBuilder decoded = new StringBuilder();
		for (int i = 0; i < target.length(); i++) {
			char c = target.charAt(i);
			if (c == '%') {
				decoded.append((char) Integer.parseInt(target.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				decoded.append(c);
			}
		}
		return decoded.toString();
	}

	/** RFC 3986 dot-segment removal with empty segments collapsed, written the obvious way. */
	private static String model(String decodedPath) {
		Deque<String> kept = new ArrayDeque<>();
		String[] parts = decodedPath.substring(1).split("/", -1);
		boolean trailingSlash = false;
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			boolean last = i == parts.length - 1;
			if (part.equals("..")) {
				kept.pollLast();
				trailingSlash = last;
			}
			else if (part.equals(".") || part.isEmpty()) {
				trailingSlash = last && (part.equals(".") || !kept.isEmpty() || i > 0);
			}
			else {
				kept.addLast(part);
				trailingSlash = false;
			}
		}
		String path = "/" + String.join("/", kept);
		return (trailingSlash && !kept.isEmpty()) ? path + "/" : path;
	}

	private static List<String> segments(String path) {
		return List.of(path.split("/"));
	}

	private static HeaderTable parsed(String target) {
		HeaderTable table = new HeaderTable();
		table.parse(ByteBuffer.wrap(("GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8)));
		return table;
	}

}
