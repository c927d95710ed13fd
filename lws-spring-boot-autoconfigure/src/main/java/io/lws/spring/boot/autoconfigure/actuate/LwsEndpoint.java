package io.lws.spring.boot.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code lws} actuator endpoint: the running context ({@code struct lws_context}) with its vhosts (listen
 * address, protocols and their WebSocket sessions, mounts), the header "ah" pool and the service threads;
 * {@code /actuator/lws/{vhost}} selects one vhost. Expose it with
 * {@code management.endpoints.web.exposure.include=health,lws}.
 */
@Endpoint(id = "lws")
public class LwsEndpoint {

	private final LwsStateReader reader;

	/**
	 * An endpoint over {@code reader}.
	 * @param reader reads the server's state
	 */
	public LwsEndpoint(LwsStateReader reader) {
		this.reader = reader;
	}

	/**
	 * The whole server.
	 * @return a snapshot
	 */
	@ReadOperation
	public LwsDescriptor lws() {
		return this.reader.read();
	}

	/**
	 * One vhost ({@code lws_get_vhost_by_name}).
	 * @param vhost the vhost name
	 * @return its snapshot, or {@code null} (404) when there is none
	 */
	@ReadOperation
	public LwsDescriptor.@Nullable Vhost vhost(@Selector String vhost) {
		return this.reader.readVhost(vhost);
	}

}
