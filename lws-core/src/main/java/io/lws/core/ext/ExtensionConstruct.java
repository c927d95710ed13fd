package io.lws.core.ext;

import java.util.List;

import io.lws.core.Lws;

/**
 * What an extension is told when it is constructed on a connection ({@code CONSTRUCT} or {@code CLIENT_CONSTRUCT}).
 *
 * @param wsi the connection, or {@code null} where there is none yet (negotiation tests, the client functions)
 * @param client whether this end is the client
 * @param rxBufferSize the bound protocol's {@code rx_buffer_size}: the largest piece {@code RECEIVE} may be given
 * @param parameters on a server, the parameters of the client's offer being considered; on a client, the parameters
 * of the server's response
 */
public record ExtensionConstruct(Lws wsi, boolean client, int rxBufferSize, List<ExtensionParameter> parameters) {

	/**
	 * Checks that {@code rxBufferSize} is positive and copies {@code parameters}.
	 * @param wsi the connection, or {@code null} where there is none yet
	 * @param client whether this end is the client
	 * @param rxBufferSize the bound protocol's {@code rx_buffer_size}
	 * @param parameters the parameters of the client's offer (server) or of the server's response (client)
	 */
	public ExtensionConstruct {
		parameters = List.copyOf(parameters);
		if (rxBufferSize <= 0) {
			throw new IllegalArgumentException("rxBufferSize must be positive, not " + rxBufferSize);
		}
	}

	/** The first parameter called {@code name}, or {@code null}. */
	public ExtensionParameter parameter(String name) {
		for (ExtensionParameter p : this.parameters) {
			if (p.name().equals(name)) {
				return p;
			}
		}
		return null;
	}

}
