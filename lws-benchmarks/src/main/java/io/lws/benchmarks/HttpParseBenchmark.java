package io.lws.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import io.lws.core.http.BodySink;
import io.lws.core.http.ChunkedBodyDecoder;
import io.lws.core.http.HeaderTable;
import io.lws.core.http.ParseResult;

/**
 * Measures the HTTP/1.1 request side of the engine without a socket.
 * <ul>
 * <li>{@link #parseBrowserGet}: {@link HeaderTable#parse} of the head of a GET such as a current desktop browser
 * sends (569 bytes: a query string and 12 header lines, a cookie among them), with {@link HeaderTable#reset()} before
 * each, as between keep-alive requests. One operation is one request head. Every WebSocket connection and every
 * HTTP request pays this once, so it bounds the rate of new connections per service thread.</li>
 * <li>{@link #decodeChunkedBody}: {@link ChunkedBodyDecoder} over a 64 KiB body sent as 64 chunks of 1 KiB, the
 * data going to a sink that only looks at each piece. One operation is one whole body; the data is passed on as
 * views, so the cost is mostly the framing bytes.</li>
 * </ul>
 * Both reuse their parser and should allocate nothing per operation ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HttpParseBenchmark {

	/** A browser's first request to a page; the values are made up but typical in number and length. */
	static final String BROWSER_GET = "GET /app/index.html?lang=en&theme=dark HTTP/1.1\r\n"
			+ "Host: www.example.com\r\n"
			+ "Connection: keep-alive\r\n"
			+ "Cache-Control: max-age=0\r\n"
			+ "Upgrade-Insecure-Requests: 1\r\n"
			+ "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/124.0.0.0 Safari/537.36\r\n"
			+ "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\n"
			+ "Sec-Fetch-Site: none\r\n"
			+ "Sec-Fetch-Mode: navigate\r\n"
			+ "Sec-Fetch-Dest: document\r\n"
			+ "Accept-Encoding: gzip, deflate, br\r\n"
			+ "Accept-Language: en-GB,en;q=0.9,de;q=0.8\r\n"
			+ "Cookie: session=3f9a1c0e7b2d4e6f8a0b; prefs=compact\r\n"
			+ "\r\n";

	/** Bytes of body data in the chunked body. */
	static final int BODY_SIZE = 64 * 1024;

	/** Bytes of data per chunk. */
	static final int CHUNK_SIZE = 1024;

	private final HeaderTable table = new HeaderTable();

	private final ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();

	private ByteBuffer request;

	private ByteBuffer chunkedBody;

	private BodySink sink;

	/** Encodes the inputs and checks that each parses completely, so the numbers are for the success path. */
	@Setup(Level.Trial)
	public void setUp(Blackhole blackhole) {
		this.request = ByteBuffer.wrap(BROWSER_GET.getBytes(StandardCharsets.US_ASCII));
		this.chunkedBody = ByteBuffer.wrap(chunked(BODY_SIZE, CHUNK_SIZE));
		// Created once: a lambda made in the benchmark method would be an allocation per call if not elided.
		this.sink = (piece) -> blackhole.consume(piece.remaining());
		if (parseBrowserGet() != ParseResult.COMPLETE) {
			throw new IllegalStateException("The request head was refused: " + this.table.errorReason());
		}
		if (decodeChunkedBody() != ParseResult.COMPLETE || this.decoder.bodyLength() != BODY_SIZE) {
			throw new IllegalStateException("The chunked body was refused: " + this.decoder.errorReason());
		}
	}

	/** Parses one request head into a reset table. */
	@Benchmark
	public ParseResult parseBrowserGet() {
		this.table.reset();
		return this.table.parse(this.request.clear());
	}

	/** Decodes one 64 KiB chunked body. */
	@Benchmark
	public ParseResult decodeChunkedBody() {
		this.decoder.reset();
		return this.decoder.decode(this.chunkedBody.clear(), this.sink);
	}

	/** {@code size} bytes of random data as chunks of {@code chunkSize}, then the last chunk and no trailers. */
	static byte[] chunked(int size, int chunkSize) {
		byte[] data = new byte[size];
		ThreadLocalRandom.current().nextBytes(data);
		String sizeLine = Integer.toHexString(chunkSize) + "\r\n";
		int chunks = size / chunkSize;
		ByteBuffer out = ByteBuffer.allocate(chunks * (sizeLine.length() + chunkSize + 2) + 5);
		for (int i = 0; i < chunks; i++) {
			out.put(sizeLine.getBytes(StandardCharsets.US_ASCII));
			out.put(data, i * chunkSize, chunkSize);
			out.put((byte) '\r').put((byte) '\n');
		}
		out.put("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.array();
	}

}
