package io.lws.core.support;

import io.lws.core.LwsProtocol;
import io.lws.core.protocols.EchoHandler;

/** The echo protocol the conformance tests use, named {@code echo}. */
public final class EchoProtocol {

	private EchoProtocol() {
	}

	public static LwsProtocol<Void> create(int rxBufferSize) {
		return LwsProtocol.builder("echo", new EchoHandler()).rxBufferSize(rxBufferSize).build();
	}

}
