package io.lws.core.service;

import java.util.function.Consumer;

import io.lws.core.ContextCreationInfo;
import io.lws.core.VhostCreationInfo;
import io.lws.core.support.TestServer;

/** {@link ServerFuzzCases} over TLS: the client half-closes with its {@code close_notify}. */
class ServerTlsFuzzTest extends ServerFuzzCases {

	@Override
	protected TestServer start(Consumer<ContextCreationInfo.Builder> context,
			Consumer<VhostCreationInfo.Builder> vhost) {
		return TestServer.startTls(context, vhost);
	}

}
