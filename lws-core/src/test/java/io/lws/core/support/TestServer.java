package io.lws.core.support;

import java.util.function.Consumer;

import io.lws.core.ContextCreationInfo;
import io.lws.core.LwsContext;
import io.lws.core.LwsVhost;
import io.lws.core.VhostCreationInfo;

/** A context with one vhost on 127.0.0.1 and a free port, destroyed on close. */
public final class TestServer implements AutoCloseable {

	private final LwsContext context;

	/** For TLS servers: how clients connect; null for plain servers. */
	private final Tls.Material tls;

	private TestServer(LwsContext context) {
		this(context, null);
	}

	private TestServer(LwsContext context, Tls.Material tls) {
		this.context = context;
		this.tls = tls;
	}

	/** A TLS server with a fresh self-signed certificate for localhost. */
	public static TestServer startTls(Consumer<ContextCreationInfo.Builder> context,
			Consumer<VhostCreationInfo.Builder> vhost) {
		Tls.Material m = Tls.localhost();
		VhostCreationInfo.Builder vb = VhostCreationInfo.builder("default").port(0).iface("127.0.0.1");
		m.applyTo(vb);
		vhost.accept(vb);
		ContextCreationInfo.Builder cb = ContextCreationInfo.builder().vhost(vb.build());
		context.accept(cb);
		return new TestServer(LwsContext.create(cb.build()), m);
	}

	public static TestServer startTls(Consumer<VhostCreationInfo.Builder> vhost) {
		return startTls((c) -> {
		}, vhost);
	}

	/** The TLS material of a TLS server, or null. */
	public Tls.Material tls() {
		return this.tls;
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

	/** A client of the right kind: TLS (trusting the server's certificate) for a TLS server. */
	public RawClient client() throws java.io.IOException {
		return (this.tls != null) ? new RawClient(this.tls.connect(port(), "localhost")) : new RawClient(port());
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
