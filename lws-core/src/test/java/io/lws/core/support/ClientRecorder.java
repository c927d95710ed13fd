package io.lws.core.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.ClientHandshakeHeaders;
import io.lws.core.ContextCreationInfo;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.VhostCreationInfo;

/**
 * A client-side protocol that records what happens as lines ({@code established}, {@code receive:TEXT},
 * {@code error:REASON}, {@code http:200}, {@code body:...}, {@code completed}, {@code closed}) for tests to await,
 * and a client-only context (a vhost that does not listen) to connect from.
 */
public final class ClientRecorder implements LwsProtocolHandler<Object>, AutoCloseable {

	public final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	/** Whole HTTP bodies, per response. */
	public final ByteArrayOutputStream body = new ByteArrayOutputStream();

	/** Messages assembled from pieces. */
	private final ByteArrayOutputStream message = new ByteArrayOutputStream();

	/** What to do on events (set by tests): called on the service thread. */
	public volatile Consumer<Lws> onEstablished = (w) -> {
	};

	public volatile Consumer<Lws> onWriteable = (w) -> {
	};

	public volatile Consumer<ClientHandshakeHeaders> appendHeaders = (h) -> {
	};

	public volatile java.util.function.ToIntFunction<Lws> onCompleted = (w) -> 0;

	public volatile java.util.function.ToIntFunction<String> onRedirect = (l) -> 0;

	/** CLIENT_APPEND_HANDSHAKE_HEADER with the connection; its result is the callback's (non-zero refuses). */
	public volatile java.util.function.ToIntBiFunction<Lws, ClientHandshakeHeaders> onAppendHeaders = (w, h) -> 0;

	/** CLIENT_FILTER_PRE_ESTABLISH's result (non-zero refuses the connection). */
	public volatile java.util.function.ToIntFunction<Lws> onFilterPreEstablish = (w) -> 0;

	/** Called at ESTABLISHED_CLIENT_HTTP, while the response head is readable. */
	public volatile Consumer<Lws> onHttpEstablished = (w) -> {
	};

	/** How many RECEIVE_CLIENT_HTTP_READ pieces arrived. */
	public final java.util.concurrent.atomic.AtomicInteger bodyPieces = new java.util.concurrent.atomic.AtomicInteger();

	/** Headers captured at CLIENT_FILTER_PRE_ESTABLISH / ESTABLISHED_CLIENT_HTTP, by name. */
	public final List<String> capturedHeaders = new ArrayList<>();

	public volatile String[] headersToCapture = {};

	private LwsContext context;

	/** A client-only context whose vhost has this recorder as its protocol {@code name}. */
	public ClientRecorder start(String name, Consumer<VhostCreationInfo.Builder> vhost) {
		return start(name, UnaryOperator.identity(), vhost);
	}

	/** As {@link #start(String)}, with the protocol's settings adjusted by {@code protocol}. */
	public ClientRecorder startWithProtocol(String name, UnaryOperator<LwsProtocol.Builder<Object>> protocol) {
		return start(name, protocol, (v) -> {
		});
	}

	private ClientRecorder start(String name, UnaryOperator<LwsProtocol.Builder<Object>> protocol,
			Consumer<VhostCreationInfo.Builder> vhost) {
		VhostCreationInfo.Builder vb = VhostCreationInfo.builder("client").port(VhostCreationInfo.PORT_NO_LISTEN)
			.protocols(List.of(protocol.apply(LwsProtocol.builder(name, this)).build()));
		vhost.accept(vb);
		this.context = LwsContext.create(ContextCreationInfo.builder().vhost(vb.build()).build());
		return this;
	}

	public ClientRecorder start(String name) {
		return start(name, (v) -> {
		});
	}

	public LwsContext context() {
		return this.context;
	}

	public Lws connect(ClientConnectInfo info) {
		return this.context.clientConnect(info);
	}

	/** The next event, or fails after 10 s. */
	public String next() throws InterruptedException {
		String e = this.events.poll(10, TimeUnit.SECONDS);
		if (e == null) {
			throw new AssertionError("no client event within 10 s");
		}
		return e;
	}

	/** Skips events until one starting with {@code prefix}; returns it. */
	public String await(String prefix) throws InterruptedException {
		List<String> seen = new ArrayList<>();
		while (true) {
			String e = this.events.poll(10, TimeUnit.SECONDS);
			if (e == null) {
				throw new AssertionError("no event '" + prefix + "' within 10 s; saw " + seen);
			}
			if (e.startsWith(prefix)) {
				return e;
			}
			seen.add(e);
		}
	}

	/** Asserts that no event arrives within {@code millis}. */
	public void assertQuiet(long millis) throws InterruptedException {
		String e = this.events.poll(millis, TimeUnit.MILLISECONDS);
		if (e != null) {
			throw new AssertionError("unexpected event '" + e + "'");
		}
	}

	/** Waits until the client context has {@code n} connections (or fails after 5 s). */
	public void awaitConnections(int n) throws InterruptedException {
		long end = System.currentTimeMillis() + 5000;
		while (this.context.connectionCount() != n) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("expected " + n + " client connections, have "
						+ this.context.connectionCount());
			}
			Thread.sleep(10);
		}
	}

	private void capture(Lws wsi) {
		for (String h : this.headersToCapture) {
			this.capturedHeaders.add(h + "=" + wsi.hdrCustom(h));
		}
	}

	@Override
	public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
		switch (reason) {
			case CLIENT_CONNECTION_ERROR -> this.events.add("error:" + in);
			case CLIENT_APPEND_HANDSHAKE_HEADER -> {
				this.appendHeaders.accept((ClientHandshakeHeaders) in);
				return this.onAppendHeaders.applyAsInt(wsi, (ClientHandshakeHeaders) in);
			}
			case CLIENT_FILTER_PRE_ESTABLISH -> {
				capture(wsi);
				return this.onFilterPreEstablish.applyAsInt(wsi);
			}
			case CLIENT_ESTABLISHED -> {
				this.events.add("established:" + wsi.protocol().name()
						+ ((wsi.negotiatedExtensions() != null) ? ":" + wsi.negotiatedExtensions() : ""));
				this.onEstablished.accept(wsi);
			}
			case CLIENT_RECEIVE -> {
				ByteBuffer b = (ByteBuffer) in;
				byte[] bytes = new byte[b.remaining()];
				b.get(bytes);
				this.message.writeBytes(bytes);
				if (wsi.isFinalFragment()) {
					this.events.add((wsi.frameIsBinary() ? "binary:" : "receive:")
							+ this.message.toString(StandardCharsets.UTF_8));
					this.message.reset();
				}
			}
			case CLIENT_RECEIVE_PONG -> this.events.add("pong:" + StandardCharsets.UTF_8.decode((ByteBuffer) in));
			case CLIENT_WRITEABLE, CLIENT_HTTP_WRITEABLE -> this.onWriteable.accept(wsi);
			case WS_PEER_INITIATED_CLOSE -> {
				ByteBuffer b = ((ByteBuffer) in).duplicate();
				this.events.add("peer-close:" + ((b.remaining() >= 2) ? (b.getShort() & 0xFFFF) : -1));
			}
			case CLIENT_CLOSED -> this.events.add("closed");
			case ESTABLISHED_CLIENT_HTTP -> {
				capture(wsi);
				this.events.add("http:" + wsi.httpClientResponse());
				this.onHttpEstablished.accept(wsi);
			}
			case RECEIVE_CLIENT_HTTP_READ -> {
				ByteBuffer b = (ByteBuffer) in;
				byte[] bytes = new byte[b.remaining()];
				b.get(bytes);
				this.bodyPieces.incrementAndGet();
				synchronized (this.body) {
					this.body.writeBytes(bytes);
				}
			}
			case COMPLETED_CLIENT_HTTP -> {
				String text;
				synchronized (this.body) {
					text = this.body.toString(StandardCharsets.UTF_8);
					this.body.reset();
				}
				this.events.add("completed:" + text);
				return this.onCompleted.applyAsInt(wsi);
			}
			case CLIENT_HTTP_REDIRECT -> {
				this.events.add("redirect:" + in);
				return this.onRedirect.applyAsInt((String) in);
			}
			case CLOSED_CLIENT_HTTP -> this.events.add("http-closed");
			default -> {
			}
		}
		return 0;
	}

	@Override
	public void close() {
		if (this.context != null) {
			this.context.destroy();
		}
	}

}
