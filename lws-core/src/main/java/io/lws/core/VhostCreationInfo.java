package io.lws.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.lws.core.ext.LwsExtension;
import io.lws.core.mount.Mount;

/**
 * What a vhost is made of: the vhost half of libwebsockets' {@code struct lws_context_creation_info} (the members its
 * documentation marks {@code VHOST:}). Immutable; build with {@link #builder(String)} and pass to
 * {@link LwsContext#createVhost(VhostCreationInfo)} ({@code lws_create_vhost}) or to
 * {@link ContextCreationInfo.Builder#vhost(VhostCreationInfo)} for the implicit vhost.
 */
public final class VhostCreationInfo {

	/** {@code CONTEXT_PORT_NO_LISTEN}: the vhost listens on no port (a client-only vhost). */
	public static final int PORT_NO_LISTEN = -1;

	/** Default seconds for network round trips (handshakes, close acknowledgement, request body): 5, as lws 4.x. */
	public static final int DEFAULT_TIMEOUT_SECS = 5;

	/** Default seconds an idle keep-alive connection is kept: 5, as lws 4.x. */
	public static final int DEFAULT_KEEPALIVE_TIMEOUT = 5;

	private final String name;

	private final int port;

	private final String iface;

	private final List<LwsProtocol<?>> protocols;

	private final Set<ServerOption> options;

	private final Map<String, Map<String, String>> pvo;

	private final List<Mount> mounts;

	private final int keepaliveTimeout;

	private final int timeoutSecs;

	private final String logFilepath;

	private final long maxMessageSize;

	private final int pingPongInterval;

	private final List<LwsExtension<?>> extensions;

	private VhostCreationInfo(Builder b) {
		this.name = b.name;
		this.port = b.port;
		this.iface = b.iface;
		this.protocols = List.copyOf(b.protocols);
		this.options = Collections.unmodifiableSet(EnumSet.copyOf(b.options));
		Map<String, Map<String, String>> p = new LinkedHashMap<>();
		b.pvo.forEach((k, v) -> p.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
		this.pvo = Collections.unmodifiableMap(p);
		this.mounts = List.copyOf(b.mounts);
		this.keepaliveTimeout = b.keepaliveTimeout;
		this.timeoutSecs = b.timeoutSecs;
		this.logFilepath = b.logFilepath;
		this.maxMessageSize = b.maxMessageSize;
		this.pingPongInterval = b.pingPongInterval;
		this.extensions = List.copyOf(b.extensions);
	}

	/**
	 * Starts a vhost definition.
	 * @param name {@code vhost_name}: matched against the request's Host header (without port) to choose among the
	 * vhosts sharing a listen port
	 * @return a builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/** {@code vhost_name}. */
	public String name() {
		return this.name;
	}

	/** {@code port}: the TCP port; 0 picks a free one; {@link #PORT_NO_LISTEN} listens on none. */
	public int port() {
		return this.port;
	}

	/**
	 * {@code iface}: {@code null} for all interfaces, an interface name ({@code lo}) or an IP address; with
	 * {@link ServerOption#UNIX_SOCK}, the path of a UNIX domain socket.
	 */
	public String iface() {
		return this.iface;
	}

	/** {@code protocols}: in order; the first also gets the HTTP callbacks. */
	public List<LwsProtocol<?>> protocols() {
		return this.protocols;
	}

	/** {@code options}: the vhost's {@code LWS_SERVER_OPTION_*} bits. */
	public Set<ServerOption> options() {
		return this.options;
	}

	/** {@code pvo}: per-vhost options by protocol name, readable with {@link LwsVhost#protocolOptions(String)}. */
	public Map<String, Map<String, String>> pvo() {
		return this.pvo;
	}

	/** {@code mounts}: where URL paths are served from. */
	public List<Mount> mounts() {
		return this.mounts;
	}

	/** {@code keepalive_timeout}: seconds an idle HTTP/1.1 connection is kept. */
	public int keepaliveTimeout() {
		return this.keepaliveTimeout;
	}

	/** {@code timeout_secs}: seconds allowed for network round trips. */
	public int timeoutSecs() {
		return this.timeoutSecs;
	}

	/** {@code log_filepath}: a file the vhost's log lines are appended to, or {@code null}. */
	public String logFilepath() {
		return this.logFilepath;
	}

	/**
	 * The largest WebSocket message accepted where the engine assembles a whole message (1009 beyond it); 0 for no
	 * limit. Streamed delivery in {@code rx_buffer_size} pieces needs no limit.
	 */
	public long maxMessageSize() {
		return this.maxMessageSize;
	}

	/**
	 * {@code ws_ping_pong_interval} (lws 2.1+): seconds of WebSocket silence after which the server pings, dropping
	 * the peer if no pong comes back within {@link #timeoutSecs()}; 0 disables.
	 */
	public int pingPongInterval() {
		return this.pingPongInterval;
	}

	/**
	 * {@code extensions}: the WebSocket extensions this vhost negotiates, in order of preference (a client's order
	 * of offers decides first). Empty: none.
	 */
	public List<LwsExtension<?>> extensions() {
		return this.extensions;
	}

	/** Whether {@code option} is set. */
	public boolean has(ServerOption option) {
		return this.options.contains(option);
	}

	@Override
	public String toString() {
		return "VhostCreationInfo[" + this.name + ", port=" + this.port + ", iface=" + this.iface + "]";
	}

	/** Builds a {@link VhostCreationInfo}. */
	public static final class Builder {

		private final String name;

		private int port = 7681;

		private String iface;

		private final List<LwsProtocol<?>> protocols = new ArrayList<>();

		private final Set<ServerOption> options = EnumSet.noneOf(ServerOption.class);

		private final Map<String, Map<String, String>> pvo = new LinkedHashMap<>();

		private final List<Mount> mounts = new ArrayList<>();

		private int keepaliveTimeout = DEFAULT_KEEPALIVE_TIMEOUT;

		private int timeoutSecs = DEFAULT_TIMEOUT_SECS;

		private String logFilepath;

		private long maxMessageSize;

		private int pingPongInterval;

		private final List<LwsExtension<?>> extensions = new ArrayList<>();

		private Builder(String name) {
			Objects.requireNonNull(name, "name");
			if (name.isBlank()) {
				throw new IllegalArgumentException("A vhost name must not be blank");
			}
			this.name = name;
		}

		/** {@code port}; default 7681, 0 for any free port, {@link #PORT_NO_LISTEN} for none. */
		public Builder port(int port) {
			if (port < PORT_NO_LISTEN || port > 65535) {
				throw new IllegalArgumentException("port must be -1 (no listen) or 0-65535, not " + port);
			}
			this.port = port;
			return this;
		}

		/** {@code iface}. */
		public Builder iface(String iface) {
			this.iface = iface;
			return this;
		}

		/** Adds {@code protocols} in order. */
		public Builder protocols(LwsProtocol<?>... protocols) {
			return protocols(List.of(protocols));
		}

		/** Adds {@code protocols} in order. */
		public Builder protocols(List<? extends LwsProtocol<?>> protocols) {
			for (LwsProtocol<?> p : protocols) {
				for (LwsProtocol<?> existing : this.protocols) {
					if (existing.name().equals(p.name())) {
						throw new IllegalArgumentException(
								"Protocol '" + p.name() + "' is listed twice on vhost '" + this.name + "'");
					}
				}
				this.protocols.add(p);
			}
			return this;
		}

		/** Sets {@code options}. */
		public Builder options(ServerOption... options) {
			this.options.addAll(List.of(options));
			return this;
		}

		/** Sets {@code options}. */
		public Builder options(Set<ServerOption> options) {
			this.options.addAll(options);
			return this;
		}

		/** Adds one per-vhost protocol option ({@code pvo}). */
		public Builder pvo(String protocol, String name, String value) {
			this.pvo.computeIfAbsent(protocol, (k) -> new LinkedHashMap<>()).put(name, value);
			return this;
		}

		/** Adds per-vhost options for {@code protocol}. */
		public Builder pvo(String protocol, Map<String, String> options) {
			this.pvo.computeIfAbsent(protocol, (k) -> new LinkedHashMap<>()).putAll(options);
			return this;
		}

		/** Adds {@code mounts}. */
		public Builder mounts(Mount... mounts) {
			this.mounts.addAll(List.of(mounts));
			return this;
		}

		/** Adds {@code mounts}. */
		public Builder mounts(List<Mount> mounts) {
			this.mounts.addAll(mounts);
			return this;
		}

		/** {@code keepalive_timeout} in seconds; 0 means the default (5). */
		public Builder keepaliveTimeout(int secs) {
			this.keepaliveTimeout = positiveOrDefault("keepaliveTimeout", secs, DEFAULT_KEEPALIVE_TIMEOUT);
			return this;
		}

		/** {@code timeout_secs}; 0 means the default (5). */
		public Builder timeoutSecs(int secs) {
			this.timeoutSecs = positiveOrDefault("timeoutSecs", secs, DEFAULT_TIMEOUT_SECS);
			return this;
		}

		/** {@code log_filepath}. */
		public Builder logFilepath(String path) {
			this.logFilepath = path;
			return this;
		}

		/** The largest assembled WebSocket message; 0 for no limit. */
		public Builder maxMessageSize(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("maxMessageSize must be 0 (no limit) or more, not " + bytes);
			}
			this.maxMessageSize = bytes;
			return this;
		}

		/** {@code ws_ping_pong_interval} in seconds; 0 disables. */
		public Builder pingPongInterval(int secs) {
			if (secs < 0) {
				throw new IllegalArgumentException("pingPongInterval must be 0 (off) or more, not " + secs);
			}
			this.pingPongInterval = secs;
			return this;
		}

		/** Adds WebSocket {@code extensions} (such as {@code PerMessageDeflate}); one name may appear once. */
		public Builder extensions(LwsExtension<?>... extensions) {
			return extensions(List.of(extensions));
		}

		/** Adds WebSocket {@code extensions}; one name may appear once. */
		public Builder extensions(List<? extends LwsExtension<?>> extensions) {
			for (LwsExtension<?> e : extensions) {
				for (LwsExtension<?> existing : this.extensions) {
					if (existing.name().equals(e.name())) {
						throw new IllegalArgumentException(
								"Extension '" + e.name() + "' is listed twice on vhost '" + this.name + "'");
					}
				}
				this.extensions.add(e);
			}
			return this;
		}

		/** Builds the immutable info. */
		public VhostCreationInfo build() {
			if (this.options.contains(ServerOption.UNIX_SOCK) && (this.iface == null || this.iface.isBlank())) {
				throw new IllegalArgumentException(
						"Vhost '" + this.name + "' has UNIX_SOCK but no iface: set iface to the socket's path");
			}
			return new VhostCreationInfo(this);
		}

		private static int positiveOrDefault(String what, int secs, int dflt) {
			if (secs < 0) {
				throw new IllegalArgumentException(what + " must be 0 (default) or more, not " + secs);
			}
			return (secs == 0) ? dflt : secs;
		}

	}

}
