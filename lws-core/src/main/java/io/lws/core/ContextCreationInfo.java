package io.lws.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.lws.core.metrics.MetricsRecorder;

/**
 * What a context is made of: the context half of libwebsockets' {@code struct lws_context_creation_info} (the members
 * its documentation marks {@code CONTEXT:}), plus the implicit vhost. Immutable; build with {@link #builder()} and
 * pass to {@link LwsContext#create(ContextCreationInfo)} ({@code lws_create_context}).
 * <p>
 * C members with no JVM meaning: {@code uid}/{@code gid} (a JVM cannot drop privileges; run it as the right user),
 * {@code plugin_dirs} (protocols are Java objects; the Spring layer discovers them as beans),
 * {@code fd_limit_per_thread} is honoured as a connection limit. The {@code ssl_*} members are per vhost
 * ({@link VhostCreationInfo}, whose {@link VhostCreationInfo#clientSsl()} holds the client ones);
 * {@code provided_client_ssl_ctx} is {@link #providedClientSslContext()}.
 */
public final class ContextCreationInfo {

	/** Default {@code max_http_header_data}: 4096 bytes, as lws 4.x. */
	public static final int DEFAULT_MAX_HTTP_HEADER_DATA = 4096;

	/** Default {@code max_http_header_pool}: 32 header buffers in all. */
	public static final int DEFAULT_MAX_HTTP_HEADER_POOL = 32;

	/** Default {@code pt_serv_buf_size}: 4096 bytes, as libwebsockets. */
	public static final int DEFAULT_PT_SERV_BUF_SIZE = 4096;

	/** Default {@code timeout_secs_ah_idle} (lws 4.x): 10 seconds to deliver a request's headers. */
	public static final int DEFAULT_TIMEOUT_SECS_AH_IDLE = 10;

	/** Default bytes a connection may have waiting to be sent before writes fail: 16 MiB. */
	public static final int DEFAULT_TX_BUFFER_LIMIT = 16 * 1024 * 1024;

	/** Default seconds a connection may go without the peer reading any of its pending output: 20. */
	public static final int DEFAULT_TX_STALL_TIMEOUT_SECS = 20;

	private final int countThreads;

	private final boolean startServiceThreads;

	private final Set<ServerOption> options;

	private final Object user;

	private final TokenLimits tokenLimits;

	private final int maxHttpHeaderData;

	private final int maxHttpHeaderPool;

	private final int ptServBufSize;

	private final int timeoutSecsAhIdle;

	private final int kaTime;

	private final int kaProbes;

	private final int kaInterval;

	private final int tcpNotSentLowat;

	private final int fdLimitPerThread;

	private final String serverString;

	private final int txBufferLimit;

	private final int txStallTimeoutSecs;

	private final int tlsTaskThreads;

	private final javax.net.ssl.SSLContext providedClientSslContext;

	private final List<VhostCreationInfo> vhosts;

	private final MetricsRecorder metricsRecorder;

	private final boolean externalPoll;

	private ContextCreationInfo(Builder b) {
		this.countThreads = b.countThreads;
		this.startServiceThreads = b.startServiceThreads;
		this.options = Collections.unmodifiableSet(EnumSet.copyOf(b.options));
		this.user = b.user;
		this.tokenLimits = b.tokenLimits;
		this.maxHttpHeaderData = b.maxHttpHeaderData;
		this.maxHttpHeaderPool = b.maxHttpHeaderPool;
		this.ptServBufSize = b.ptServBufSize;
		this.timeoutSecsAhIdle = b.timeoutSecsAhIdle;
		this.kaTime = b.kaTime;
		this.kaProbes = b.kaProbes;
		this.kaInterval = b.kaInterval;
		this.tcpNotSentLowat = b.tcpNotSentLowat;
		this.fdLimitPerThread = b.fdLimitPerThread;
		this.serverString = b.serverString;
		this.txBufferLimit = b.txBufferLimit;
		this.txStallTimeoutSecs = b.txStallTimeoutSecs;
		this.tlsTaskThreads = b.tlsTaskThreads;
		this.providedClientSslContext = b.providedClientSslContext;
		this.vhosts = (b.vhost != null) ? List.of(b.vhost) : List.of();
		this.metricsRecorder = b.metricsRecorder;
		this.externalPoll = b.externalPoll;
	}

	/** Starts a context definition. */
	public static Builder builder() {
		return new Builder();
	}

	/** {@code count_threads}: service threads, each with its own selector; 0 in the builder means one per core. */
	public int countThreads() {
		return this.countThreads;
	}

	/**
	 * Whether the context runs its service threads itself (the default). When {@code false} the application drives
	 * the loop, as in C, by calling {@link LwsContext#service(long)} (one service thread's worth).
	 */
	public boolean startServiceThreads() {
		return this.startServiceThreads;
	}

	/**
	 * {@code options}: the context's {@code LWS_SERVER_OPTION_*} bits (vhost bits here apply to the implicit vhost).
	 */
	public Set<ServerOption> options() {
		return this.options;
	}

	/** {@code user}: application data returned by {@link LwsContext#contextUser()}. */
	public Object user() {
		return this.user;
	}

	/** {@code token_limits}: the longest value accepted per header token. */
	public TokenLimits tokenLimits() {
		return this.tokenLimits;
	}

	/**
	 * {@code max_http_header_data}: bytes in one header buffer; a request head larger than this is refused (431/414).
	 */
	public int maxHttpHeaderData() {
		return this.maxHttpHeaderData;
	}

	/**
	 * {@code max_http_header_pool}: header buffers in all, shared out between the service threads (each gets at
	 * least one). Connections that find none free wait, not reading, until one frees.
	 */
	public int maxHttpHeaderPool() {
		return this.maxHttpHeaderPool;
	}

	/**
	 * {@code pt_serv_buf_size}: each service thread's read buffer. Files that cannot be sent without copying (over TLS,
	 * from a jar) go in chunks of 64 KiB whatever this size, so that what the socket does not take fits a pooled output
	 * buffer.
	 */
	public int ptServBufSize() {
		return this.ptServBufSize;
	}

	/** {@code timeout_secs_ah_idle} (lws 4.x): seconds to deliver a request head, or to wait for a header buffer. */
	public int timeoutSecsAhIdle() {
		return this.timeoutSecsAhIdle;
	}

	/** {@code ka_time}: seconds of idle before TCP keepalive probes (0 = no keepalive). */
	public int kaTime() {
		return this.kaTime;
	}

	/** {@code ka_probes}: unanswered probes before the connection is dropped. */
	public int kaProbes() {
		return this.kaProbes;
	}

	/** {@code ka_interval}: seconds between probes. */
	public int kaInterval() {
		return this.kaInterval;
	}

	/**
	 * {@code TCP_NOTSENT_LOWAT} in bytes for sockets that stream a file; 0 leaves the system's value. See
	 * {@link Builder#tcpNotSentLowat(int)}.
	 */
	public int tcpNotSentLowat() {
		return this.tcpNotSentLowat;
	}

	/** {@code fd_limit_per_thread}: the most connections one service thread takes (0 = no limit of our own). */
	public int fdLimitPerThread() {
		return this.fdLimitPerThread;
	}

	/** {@code server_string}: the {@code server:} response header; {@code null} sends none. */
	public String serverString() {
		return this.serverString;
	}

	/**
	 * The bytes a connection may have waiting to go out. A write beyond it fails (returns -1) and the connection is
	 * closed: the overflow policy for writers that ignore {@link Lws#partialBuffered()}.
	 */
	public int txBufferLimit() {
		return this.txBufferLimit;
	}

	/** Seconds a connection may have output pending without the peer reading any of it; then it is dropped. */
	public int txStallTimeoutSecs() {
		return this.txStallTimeoutSecs;
	}

	/**
	 * Threads that run TLS handshake work (key exchange, signatures, certificate checks) off the service threads;
	 * 0 means one per available processor. Started only when a vhost serves TLS.
	 */
	public int tlsTaskThreads() {
		return this.tlsTaskThreads;
	}

	/**
	 * {@code provided_client_ssl_ctx}: a ready {@link javax.net.ssl.SSLContext} every vhost's TLS client connections
	 * use as is (unless the vhost's {@link VhostCreationInfo#clientSsl()} provides its own); null to build one per
	 * vhost.
	 */
	public javax.net.ssl.SSLContext providedClientSslContext() {
		return this.providedClientSslContext;
	}

	/** The implicit vhost (empty with {@link ServerOption#EXPLICIT_VHOSTS}). */
	public List<VhostCreationInfo> vhosts() {
		return this.vhosts;
	}

	/** Whether {@code option} is set. */
	public boolean has(ServerOption option) {
		return this.options.contains(option);
	}

	/** Where the engine reports its measurements; {@link MetricsRecorder#NONE} by default. */
	public MetricsRecorder metricsRecorder() {
		return this.metricsRecorder;
	}

	/**
	 * Whether the poll callbacks ({@code ADD_POLL_FD}, {@code DEL_POLL_FD}, {@code CHANGE_MODE_POLL_FD}) are
	 * delivered to each vhost's first protocol, as libwebsockets built with {@code LWS_WITH_EXTERNAL_POLL} does.
	 */
	public boolean externalPoll() {
		return this.externalPoll;
	}

	/** Builds a {@link ContextCreationInfo}. */
	public static final class Builder {

		private int countThreads = 1;

		private boolean startServiceThreads = true;

		private final Set<ServerOption> options = EnumSet.noneOf(ServerOption.class);

		private Object user;

		private TokenLimits tokenLimits = TokenLimits.none();

		private int maxHttpHeaderData = DEFAULT_MAX_HTTP_HEADER_DATA;

		private int maxHttpHeaderPool = DEFAULT_MAX_HTTP_HEADER_POOL;

		private int ptServBufSize = DEFAULT_PT_SERV_BUF_SIZE;

		private int timeoutSecsAhIdle = DEFAULT_TIMEOUT_SECS_AH_IDLE;

		private int kaTime;

		private int kaProbes;

		private int kaInterval;

		private int tcpNotSentLowat;

		private int fdLimitPerThread;

		private String serverString = "libwebsockets";

		private int txBufferLimit = DEFAULT_TX_BUFFER_LIMIT;

		private int txStallTimeoutSecs = DEFAULT_TX_STALL_TIMEOUT_SECS;

		private int tlsTaskThreads;

		private javax.net.ssl.SSLContext providedClientSslContext;

		private VhostCreationInfo vhost;

		private MetricsRecorder metricsRecorder = MetricsRecorder.NONE;

		private boolean externalPoll;

		private Builder() {
		}

		/** {@code count_threads}; 0 means one per available processor. Default 1. */
		public Builder countThreads(int n) {
			if (n < 0) {
				throw new IllegalArgumentException("countThreads must be 0 (one per core) or more, not " + n);
			}
			this.countThreads = (n == 0) ? Runtime.getRuntime().availableProcessors() : n;
			return this;
		}

		/** Whether the context starts its own service threads (default) or the caller drives {@code service()}. */
		public Builder startServiceThreads(boolean start) {
			this.startServiceThreads = start;
			return this;
		}

		/** Adds {@code options}. */
		public Builder options(ServerOption... options) {
			this.options.addAll(List.of(options));
			return this;
		}

		/** Adds {@code options}. */
		public Builder options(Set<ServerOption> options) {
			this.options.addAll(options);
			return this;
		}

		/** {@code user}. */
		public Builder user(Object user) {
			this.user = user;
			return this;
		}

		/** {@code token_limits}. */
		public Builder tokenLimits(TokenLimits limits) {
			this.tokenLimits = (limits != null) ? limits : TokenLimits.none();
			return this;
		}

		/** {@code max_http_header_data}; 0 means the default (4096). At least 256. */
		public Builder maxHttpHeaderData(int bytes) {
			this.maxHttpHeaderData = atLeast("maxHttpHeaderData", bytes, 256, DEFAULT_MAX_HTTP_HEADER_DATA);
			return this;
		}

		/** {@code max_http_header_pool}; 0 means the default (32). */
		public Builder maxHttpHeaderPool(int count) {
			this.maxHttpHeaderPool = atLeast("maxHttpHeaderPool", count, 1, DEFAULT_MAX_HTTP_HEADER_POOL);
			return this;
		}

		/** {@code pt_serv_buf_size}; 0 means the default (4096). At least 1024. */
		public Builder ptServBufSize(int bytes) {
			this.ptServBufSize = atLeast("ptServBufSize", bytes, 1024, DEFAULT_PT_SERV_BUF_SIZE);
			return this;
		}

		/** {@code timeout_secs_ah_idle}; 0 means the default (10). */
		public Builder timeoutSecsAhIdle(int secs) {
			this.timeoutSecsAhIdle = atLeast("timeoutSecsAhIdle", secs, 1, DEFAULT_TIMEOUT_SECS_AH_IDLE);
			return this;
		}

		/** {@code ka_time}, {@code ka_probes}, {@code ka_interval}: TCP keepalive; {@code time == 0} disables. */
		public Builder tcpKeepalive(int time, int probes, int interval) {
			if (time < 0 || probes < 0 || interval < 0) {
				throw new IllegalArgumentException("TCP keepalive settings must not be negative");
			}
			this.kaTime = time;
			this.kaProbes = probes;
			this.kaInterval = interval;
			return this;
		}

		/**
		 * Linux's {@code TCP_NOTSENT_LOWAT}, set on a socket when it starts streaming a file (a mount's file or
		 * {@link Lws#serveHttpFile}): the socket then counts as writable only while fewer than {@code bytes} wait
		 * unsent in the kernel, so large downloads are written as the peer drains them rather than queued megabytes
		 * ahead. No libwebsockets counterpart (lws leaves it to the system's {@code net.ipv4.tcp_notsent_lowat}).
		 * 0, the default, leaves the system's value. Setting it needs Linux and the JVM option {@code --add-opens
		 * java.base/sun.nio.ch=ALL-UNNAMED}; without them the context logs a warning once and sockets keep the
		 * system's value.
		 */
		public Builder tcpNotSentLowat(int bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("tcpNotSentLowat must be 0 (the system's) or more, not " + bytes);
			}
			this.tcpNotSentLowat = bytes;
			return this;
		}

		/** {@code fd_limit_per_thread}; 0 for no limit of our own. */
		public Builder fdLimitPerThread(int limit) {
			if (limit < 0) {
				throw new IllegalArgumentException("fdLimitPerThread must be 0 (no limit) or more, not " + limit);
			}
			this.fdLimitPerThread = limit;
			return this;
		}

		/** {@code server_string}; default "libwebsockets" as the reference says; {@code null} sends none. */
		public Builder serverString(String serverString) {
			this.serverString = serverString;
			return this;
		}

		/** The most bytes a connection may have waiting to be sent; default 16 MiB. */
		public Builder txBufferLimit(int bytes) {
			this.txBufferLimit = atLeast("txBufferLimit", bytes, 4096, DEFAULT_TX_BUFFER_LIMIT);
			return this;
		}

		/** Seconds of no progress on pending output before a connection is dropped; default 20. */
		public Builder txStallTimeoutSecs(int secs) {
			this.txStallTimeoutSecs = atLeast("txStallTimeoutSecs", secs, 1, DEFAULT_TX_STALL_TIMEOUT_SECS);
			return this;
		}

		/** Threads for TLS handshake work; 0 (the default) means one per available processor. */
		public Builder tlsTaskThreads(int threads) {
			if (threads < 0) {
				throw new IllegalArgumentException(
						"tlsTaskThreads must be 0 (one per processor) or more, not " + threads);
			}
			this.tlsTaskThreads = threads;
			return this;
		}

		/** {@code provided_client_ssl_ctx}: the client TLS context to use as is. */
		public Builder providedClientSslContext(javax.net.ssl.SSLContext context) {
			this.providedClientSslContext = context;
			return this;
		}

		/** The implicit vhost, created with the context unless {@link ServerOption#EXPLICIT_VHOSTS} is set. */
		public Builder vhost(VhostCreationInfo vhost) {
			this.vhost = vhost;
			return this;
		}

		/** Where the engine reports its measurements. */
		public Builder metricsRecorder(MetricsRecorder recorder) {
			this.metricsRecorder = (recorder != null) ? recorder : MetricsRecorder.NONE;
			return this;
		}

		/** Delivers the poll callbacks, for applications that mirror the engine's sockets in a loop of their own. */
		public Builder externalPoll(boolean enabled) {
			this.externalPoll = enabled;
			return this;
		}

		/** Builds the immutable info. */
		public ContextCreationInfo build() {
			if (this.options.contains(ServerOption.EXPLICIT_VHOSTS) && this.vhost != null) {
				throw new IllegalArgumentException("EXPLICIT_VHOSTS is set, so the context creates no vhost: "
						+ "remove vhost(...) and call createVhost");
			}
			return new ContextCreationInfo(this);
		}

		private static int atLeast(String what, int value, int min, int dflt) {
			if (value == 0) {
				return dflt;
			}
			if (value < min) {
				throw new IllegalArgumentException(what + " must be 0 (default) or at least " + min + ", not " + value);
			}
			return value;
		}

	}

}
