package io.lws.core.service;

import java.nio.file.Files;
import java.nio.file.Path;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.log.LogLevel;
import io.lws.core.log.LwsLog;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;

/**
 * A server with {@code tcpNotSentLowat} set, for {@link TcpNotSentLowatTest} to run in a JVM that has not opened
 * {@code sun.nio.ch}: serves a 1 MiB file twice and prints {@code downloaded N N}, with lws's log lines before it.
 */
public final class NotSentLowatDownloads {

	static final int SIZE = 1024 * 1024;

	private NotSentLowatDownloads() {
	}

	public static void main(String[] args) throws Exception {
		LwsLog.setLogLevel(LogLevel.DEFAULT_BITS, (level, line) -> System.out.println(line));
		Path file = Files.createTempFile("lowat", ".bin");
		try {
			Files.write(file, new byte[SIZE]);
			LwsProtocol<Object> files = LwsProtocol.of("files", new LwsProtocolHandler<>() {
				@Override
				public int onHttp(Lws wsi, Object s, String uri) {
					return wsi.serveHttpFile(file.toString(), "application/octet-stream", null);
				}
			});
			try (TestServer s = TestServer.start((c) -> c.tcpNotSentLowat(128 * 1024), (v) -> v.protocols(files));
					RawClient c = s.client()) {
				int first = c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().body().length;
				int second = c.send("GET /b HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().body().length;
				System.out.println("downloaded " + first + " " + second);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
