package io.lws.spring.boot.autoconfigure.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What {@code /actuator/lws} answers: a snapshot of the running context ({@code struct lws_context}).
 *
 * @param running whether the context exists
 * @param connections open connections in all
 * @param vhosts the vhosts, in creation order
 * @param headerPool the header "ah" pool, or {@code null} when the context does not exist
 * @param serviceThreads the service threads
 */
public record LwsDescriptor(boolean running, int connections, List<Vhost> vhosts, @Nullable HeaderPool headerPool,
		List<ServiceThread> serviceThreads) implements OperationResponseBody {

	/**
	 * One vhost ({@code struct lws_vhost}); also what {@code /actuator/lws/{vhost}} answers.
	 *
	 * @param name {@code lws_get_vhost_name}
	 * @param listenAddress the bound address, or {@code null} for none
	 * @param port {@code lws_get_vhost_listen_port}, -1 for none
	 * @param connections open connections
	 * @param tls whether the vhost serves TLS (https, wss)
	 * @param protocols the protocols, in order (the first gets the HTTP callbacks)
	 * @param extensions the WebSocket extensions the vhost negotiates, by name
	 * @param mounts the mounts
	 */
	public record Vhost(String name, @Nullable String listenAddress, int port, int connections, boolean tls,
			List<Protocol> protocols, List<String> extensions, List<Mount> mounts) implements OperationResponseBody {
	}

	/**
	 * One protocol of a vhost ({@code struct lws_protocols}).
	 *
	 * @param name its name
	 * @param rxBufferSize {@code rx_buffer_size}
	 * @param webSocketSessions open WebSocket sessions, or {@code null} when not counted (plain {@code LwsProtocol}
	 * beans and the built-in http-only)
	 */
	public record Protocol(String name, int rxBufferSize, @Nullable Integer webSocketSessions) {
	}

	/**
	 * One mount ({@code struct lws_http_mount}).
	 *
	 * @param mountpoint {@code mountpoint}
	 * @param originProtocol {@code origin_protocol}
	 * @param origin {@code origin}
	 */
	public record Mount(String mountpoint, String originProtocol, String origin) {
	}

	/**
	 * The header pool ({@code max_http_header_pool} buffers of {@code max_http_header_data} bytes).
	 *
	 * @param size buffers in all
	 * @param inUse buffers held by connections
	 * @param idle free buffers
	 * @param waiting connections waiting for a buffer
	 * @param dataSize bytes per buffer
	 */
	public record HeaderPool(int size, int inUse, int idle, int waiting, int dataSize) {
	}

	/**
	 * One service thread ({@code struct lws_context_per_thread}).
	 *
	 * @param index its {@code tsi}
	 * @param alive whether its loop runs
	 * @param connections the connections it serves
	 * @param pendingTasks tasks posted to it and not yet run
	 */
	public record ServiceThread(int index, boolean alive, int connections, int pendingTasks) {
	}

}
