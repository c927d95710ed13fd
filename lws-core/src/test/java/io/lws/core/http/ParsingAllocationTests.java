package io.lws.core.http;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parsing a head and decoding a chunked body allocate nothing once the table and decoder exist: a server keeps
 * one table per active connection and parses millions of requests with it.
 */
class ParsingAllocationTests {

	private static final byte[] REQUEST = ("GET /a/./b/../c%20d?x=1&y=a+b;z=%41 HTTP/1.1\r\nHost: example.com\r\n"
			+ "User-Agent: test\r\nAccept: text/html\r\nAccept: */*\r\nCookie: a=1\r\n"
			+ "Connection: keep-alive, Upgrade\r\n"
			+ "Upgrade: websocket\r\nX-Custom: value\r\nTransfer-Encoding: chunked\r\n\r\n"
			+ "5;e=1\r\nhello\r\n0\r\nT: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

	@Test
	void parsingAndDecodingAllocateNothing() {
		assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
		HeaderTable table = new HeaderTable();
		ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
		ByteBuffer in = ByteBuffer.wrap(REQUEST);
		long[] sunk = new long[1];
		BodySink sink = (piece) -> sunk[0] += piece.remaining();
		serve(table, decoder, in, sink, 1000);
		long threadId = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(threadId);
		serve(table, decoder, in, sink, 10_000);
		long allocated = threads.getThreadAllocatedBytes(threadId) - before;
		// a few bytes of slack for the measurement itself; one allocation per request would be 80 kB or more
		assertThat(allocated).isLessThan(1024);
		assertThat(sunk[0]).isEqualTo(5 * 11_000L);
	}

	private static void serve(HeaderTable table, ChunkedBodyDecoder decoder, ByteBuffer in, BodySink sink,
			int requests) {
		for (int i = 0; i < requests; i++) {
			in.clear();
			table.reset();
			decoder.reset();
			if (table.parse(in) != ParseResult.COMPLETE || !table.isChunked() || !table.keepAlive()
					|| !table.hasUpgradeToken("websocket") || decoder.decode(in, sink) != ParseResult.COMPLETE) {
				throw new AssertionError("Request " + i + " was not served: " + table);
			}
		}
	}

}
