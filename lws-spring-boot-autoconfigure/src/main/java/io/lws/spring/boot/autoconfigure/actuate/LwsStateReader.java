package io.lws.spring.boot.autoconfigure.actuate;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.lws.core.HeaderPoolStats;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsVhost;
import io.lws.core.mount.Mount;
import io.lws.core.service.ContextEngine;
import io.lws.core.service.ServiceThread;
import io.lws.spring.boot.autoconfigure.protocol.LwsProtocolRegistry;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link LwsServer}'s context into {@link LwsDescriptor}s, for the endpoint and the health indicator. Safe
 * from any thread: it uses only the context's thread-safe getters.
 */
public class LwsStateReader {

	private final LwsServer server;

	private final @Nullable LwsProtocolRegistry protocols;

	/**
	 * A reader.
	 * @param server the server
	 * @param protocols for WebSocket session counts, or {@code null}
	 */
	public LwsStateReader(LwsServer server, @Nullable LwsProtocolRegistry protocols) {
		this.server = server;
		this.protocols = protocols;
	}

	/**
	 * The whole server.
	 * @return a snapshot; not running and empty when the context does not exist
	 */
	public LwsDescriptor read() {
		LwsContext ctx = this.server.context();
		if (ctx == null) {
			return new LwsDescriptor(false, 0, List.of(), null, List.of());
		}
		List<LwsDescriptor.Vhost> vhosts = new ArrayList<>();
		for (LwsVhost vhost : ctx.vhosts()) {
			vhosts.add(vhost(vhost));
		}
		HeaderPoolStats pool = ctx.headerPoolStats();
		LwsDescriptor.HeaderPool headerPool = new LwsDescriptor.HeaderPool(pool.size(), pool.inUse(),
				pool.size() - pool.inUse(), pool.waiting(), pool.dataSize());
		return new LwsDescriptor(!ctx.isDestroyed(), ctx.connectionCount(), vhosts, headerPool, threads(ctx));
	}

	/**
	 * One vhost.
	 * @param name the vhost name
	 * @return its snapshot, or {@code null} when there is no such vhost (or the server is not running)
	 */
	public LwsDescriptor.@Nullable Vhost readVhost(String name) {
		LwsContext ctx = this.server.context();
		LwsVhost vhost = (ctx != null) ? ctx.vhost(name) : null;
		return (vhost != null) ? vhost(vhost) : null;
	}

	/**
	 * The service threads.
	 * @param ctx the context
	 * @return one entry per thread
	 */
	static List<LwsDescriptor.ServiceThread> threads(LwsContext ctx) {
		List<LwsDescriptor.ServiceThread> threads = new ArrayList<>();
		for (ServiceThread t : ContextEngine.serviceThreadsOf(ctx)) {
			threads.add(new LwsDescriptor.ServiceThread(t.tsi(), t.isAlive(), t.connectionCount(), t.pendingTasks()));
		}
		return threads;
	}

	private LwsDescriptor.Vhost vhost(LwsVhost vhost) {
		List<LwsDescriptor.Protocol> protocols = new ArrayList<>();
		for (LwsProtocol<?> p : vhost.protocols()) {
			Integer sessions = (this.protocols != null) ? this.protocols.openSessions(vhost.name(), p.name()) : null;
			protocols.add(new LwsDescriptor.Protocol(p.name(), p.rxBufferSize(), sessions));
		}
		List<LwsDescriptor.Mount> mounts = new ArrayList<>();
		for (Mount m : vhost.mounts()) {
			mounts.add(new LwsDescriptor.Mount(m.mountpoint(), m.originProtocol().name(), m.origin()));
		}
		SocketAddress address = vhost.listenAddress();
		List<String> extensions = new ArrayList<>();
		vhost.info().extensions().forEach((e) -> extensions.add(e.name()));
		return new LwsDescriptor.Vhost(vhost.name(), (address != null) ? address.toString() : null,
				vhost.listenPort(), vhost.connectionCount(), vhost.info().isTls(), protocols, extensions, mounts);
	}

}
