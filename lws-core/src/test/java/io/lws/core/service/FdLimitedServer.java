package io.lws.core.service;

import io.lws.core.log.LogLevel;
import io.lws.core.log.LwsLog;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;

/**
 * A plain server for {@link AcceptFailureTest} to run in a JVM of its own under a small open-files limit: prints
 * {@code port N} and lws's log lines on standard output, and runs until it is killed. Out of descriptors, this JVM
 * cannot open a class file either (the test's classes are files in a directory, not an open jar as in an
 * application), so the classes the service thread needs later are loaded before the port is printed.
 */
public final class FdLimitedServer {

	private FdLimitedServer() {
	}

	public static void main(String[] args) throws Exception {
		LwsLog.setLogLevel(LogLevel.DEFAULT_BITS, (level, line) -> System.out.println(line));
		try (TestServer server = TestServer.start((v) -> {
		})) {
			Class.forName(ServiceThread.class.getName() + "$TimerEntry");
			Class.forName(Connection.class.getName() + "$CloseCause");
			try (RawClient warmUp = server.client()) {
				warmUp.send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
				warmUp.readResponse();
			}
			System.out.println("port " + server.port());
			Thread.sleep(Long.MAX_VALUE);
		}
	}

}
