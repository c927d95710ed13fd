package io.lws.sample.protocols;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lws.core.ContextCreationInfo;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.core.ext.pmd.PerMessageDeflate;
import io.lws.core.log.LogLevel;
import io.lws.core.log.LwsLog;

/**
 * The sample's protocols on a bare lws-core context (no Spring), with permessage-deflate as the sample's
 * application.yml has it, on 127.0.0.1 and a free port, with every ERR and
 * WARN log line captured so tests can assert a clean run.
 */
final class SampleServer implements AutoCloseable {

	final LwsContext context;

	final MirrorProtocol mirror;

	final List<String> problems = new CopyOnWriteArrayList<>();

	private final int oldLevel = LwsLog.logLevel();

	SampleServer(int threads) {
		this(threads, null);
	}

	/**
	 * The sample protocols, over TLS with {@code tls}'s certificate when it is not null, with the vhost options
	 * given.
	 */
	SampleServer(int threads, io.lws.core.support.Tls.Material tls, ServerOption... vhostOptions) {
		LwsLog.setLogLevel(LogLevel.ERR.bit() | LogLevel.WARN.bit(),
				(level, line) -> this.problems.add(level + " " + line));
		this.mirror = new MirrorProtocol();
		this.context = LwsContext.create(ContextCreationInfo.builder()
			.countThreads(threads)
			.vhost(withTls(VhostCreationInfo.builder("default"), tls)
				.port(0)
				.iface("127.0.0.1")
				.options(vhostOptions)
				.protocols(LwsProtocol.builder("http-only", new io.lws.core.LwsProtocolHandler<Object>() {
				}).build(), asAnnotated(new DumbIncrementProtocol()), asAnnotated(this.mirror),
						asAnnotated(new StatusProtocol()), asAnnotated(new EchoProtocol()))
				.extensions(PerMessageDeflate.create())
				.build())
			.build());
	}

	/** The protocol as its {@code @LwsProtocol} annotation declares it to the Spring layer. */
	private static <S> LwsProtocol<S> asAnnotated(io.lws.core.LwsProtocolHandler<S> handler) {
		return io.lws.spring.boot.autoconfigure.protocol.LwsProtocolRegistry.protocolOf(
				handler.getClass().getAnnotation(io.lws.spring.boot.autoconfigure.LwsProtocol.class), handler);
	}

	private static VhostCreationInfo.Builder withTls(VhostCreationInfo.Builder b,
			io.lws.core.support.Tls.Material tls) {
		return (tls != null) ? tls.applyTo(b) : b;
	}

	int port() {
		return this.context.vhosts().get(0).listenPort();
	}

	@Override
	public void close() {
		this.context.destroy();
		LwsLog.setLogLevel(this.oldLevel, null);
	}

}
