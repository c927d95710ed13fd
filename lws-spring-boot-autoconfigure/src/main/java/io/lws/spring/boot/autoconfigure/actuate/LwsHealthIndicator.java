package io.lws.spring.boot.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lws.core.LwsContext;
import io.lws.core.LwsVhost;
import io.lws.core.VhostCreationInfo;
import io.lws.spring.boot.autoconfigure.server.LwsServer;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code lws} health indicator: UP when the context runs, every vhost that should listen has its listen socket
 * bound ({@code lws_get_vhost_listen_port}) and every service thread's loop is alive; DOWN otherwise. Details give
 * each vhost's port and connections and the header pool.
 */
public class LwsHealthIndicator extends AbstractHealthIndicator {

	private final LwsServer server;

	private final LwsStateReader reader;

	/**
	 * An indicator for {@code server}.
	 * @param server the server
	 * @param reader reads its state
	 */
	public LwsHealthIndicator(LwsServer server, LwsStateReader reader) {
		super("lws health check failed");
		this.server = server;
		this.reader = reader;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		LwsDescriptor state = this.reader.read();
		// read once: a stop between two reads would otherwise fail the check with an exception
		LwsContext context = this.server.context();
		if (!state.running() || context == null) {
			builder.down().withDetail("running", false);
			return;
		}
		boolean up = true;
		Map<String, Object> vhosts = new LinkedHashMap<>();
		for (LwsDescriptor.Vhost vhost : state.vhosts()) {
			LwsVhost live = context.vhost(vhost.name());
			boolean bound = live != null && (live.info().port() == VhostCreationInfo.PORT_NO_LISTEN
					|| vhost.listenAddress() != null);
			up &= bound;
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("port", vhost.port());
			detail.put("listening", bound);
			detail.put("connections", vhost.connections());
			vhosts.put(vhost.name(), detail);
		}
		List<LwsDescriptor.ServiceThread> threads = state.serviceThreads();
		long alive = threads.stream().filter(LwsDescriptor.ServiceThread::alive).count();
		up &= alive == threads.size();
		builder.status(up ? org.springframework.boot.health.contributor.Status.UP
				: org.springframework.boot.health.contributor.Status.DOWN)
			.withDetail("vhosts", vhosts)
			.withDetail("connections", state.connections())
			.withDetail("headerPool", state.headerPool())
			.withDetail("serviceThreads", Map.of("count", threads.size(), "alive", alive));
	}

}
