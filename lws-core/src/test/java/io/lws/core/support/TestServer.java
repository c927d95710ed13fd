package io.lws.core.support;

import java.util.function.Consumer;

import io.lws.core.ContextCreationInfo;
import io.lws.core.LwsContext;
import io.lws.core.LwsVhost;
import io.lws.core.VhostCreationInfo;

/** A context with one vhost on 127.0.0.1 and a free port, destroyed on close. */
public final class TestServer implements AutoCloseable {

	private final LwsContext context;

	private TestServer(LwsContext context) {
		this.context = context;
	}

	public static TestServer start(Consumer<ContextCreationInfo.Builder> context,
			Consumer<VhostCreationInfo.Builder> vhost) {
		VhostCreationInfo.Builder vb = VhostCreationInfo.builder("default").port(0).iface("127.0.0.1");
		vhost.accept(vb);
		ContextCreationInfo.Builder cb = ContextCreationInfo.builder().vhost(vb.build());
		context.accept(cb);
		return new TestServer(LwsContext.create(cb.build()));
	}

	public static TestServer start(Consumer<VhostCreationInfo.Builder> vhost) {
		return start((c) -> {
		}, vhost);
	}

	public LwsContext context() {
		return this.context;
	}

	public LwsVhost vhost() {
		return this.context.vhosts().get(0);
	}

	public int port() {
		return vhost().listenPort();
	}

	public RawClient client() throws java.io.IOException {
		return new RawClient(port());
	}

	/** Waits until the context has {@code n} connections (or fails after 5 s). */
	public void awaitConnections(int n) throws InterruptedException {
		long end = System.currentTimeMillis() + 5000;
		while (this.context.connectionCount() != n) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("expected " + n + " connections, have " + this.context.connectionCount());
			}
			Thread.sleep(10);
		}
	}

	@Override
	public void close() {
		this.context.destroy();
	}

}
