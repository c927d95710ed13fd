package io.lws.core.client;

import io.lws.core.ClientConnectInfo;
import io.lws.core.support.ClientRecorder;

/**
 * Run in a child JVM by {@link ClientProxyTest} with {@code http_proxy} set in its environment: connects a WebSocket
 * to {@code 127.0.0.1:ARG0} and prints the first client event as {@code EVENT ...}.
 */
public final class ProxyFromEnvironmentMain {

	private ProxyFromEnvironmentMain() {
	}

	public static void main(String[] args) throws Exception {
		int code;
		try (ClientRecorder rec = new ClientRecorder().start("echo")) {
			rec.connect(ClientConnectInfo.builder().address("127.0.0.1").port(Integer.parseInt(args[0]))
				.protocol("echo")
				.build());
			System.out.println("EVENT " + rec.next());
			code = 0;
		}
		catch (Throwable ex) {
			System.out.println("EVENT failed: " + ex);
			code = 1;
		}
		System.exit(code);
	}

}
