package io.lws.core.service;

import java.util.function.Consumer;

import io.lws.core.ContextCreationInfo;
import io.lws.core.VhostCreationInfo;
import io.lws.core.support.TestServer;

/** {@link ServerFuzzCases} over plain TCP. */
class ServerFuzzTest extends ServerFuzzCases {

	@Override
	protected TestServer start(Consumer<ContextCreationInfo.Builder> context,
			Consumer<VhostCreationInfo.Builder> vhost) {
		return TestServer.start(context, vhost);
	}

}
