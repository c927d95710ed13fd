package io.lws.core.service;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.lws.core.CallbackReason;
import io.lws.core.ContextCreationInfo;
import io.lws.core.HeaderPoolStats;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsException;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsVhost;
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.core.log.LwsLog;
import io.lws.core.metrics.MetricsRecorder;

/**
 * The context ({@code struct lws_context}): service threads, vhosts and listen sockets.
 */
public final class ContextEngine implements LwsContext {

	/** Linux's copy of the host name, the same as {@code gethostname()} returns. */
	private static final Path LINUX_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

	private final ContextCreationInfo info;

	private final ServiceThread[] threads;

	private final List<VhostImpl> vhosts = new CopyOnWriteArrayList<>();

	private final List<ListenSocket> listenSockets = new CopyOnWriteArrayList<>();

	private final String canonicalHostname;

	private final AtomicBoolean destroyed = new AtomicBoolean();

	private final AtomicBoolean poolExhaustionLogged = new AtomicBoolean();

	private final MetricsRecorder metrics;

	/** {@code TCP_NOTSENT_LOWAT} for sockets that stream a file; 0 leaves the system's (also when it cannot be set). */
	final int fileNotSentLowat;

	private final java.util.concurrent.CompletableFuture<Void> drained = new java.util.concurrent.CompletableFuture<>();

	private volatile boolean shuttingDown;

	private java.util.concurrent.ThreadPoolExecutor tlsTasks;

	private java.util.concurrent.ThreadPoolExecutor resolver;

	private ContextEngine(ContextCreationInfo info) throws IOException {
		this.info = info;
		this.metrics = info.metricsRecorder();
		this.fileNotSentLowat = settableNotSentLowat(info.tcpNotSentLowat());
		int n = info.countThreads();
		this.threads = new ServiceThread[n];
		int pool = info.maxHttpHeaderPool();
		for (int i = 0; i < n; i++) {
			int share = Math.max(1, pool / n + ((i < pool % n) ? 1 : 0));
			this.threads[i] = new ServiceThread(this, i, share);
		}
		this.canonicalHostname = info.has(ServerOption.SKIP_SERVER_CANONICAL_NAME) ? "" : lookupHostname();
	}

	/** {@code lws_create_context}. */
	public static LwsContext create(ContextCreationInfo info) {
		ContextEngine ctx;
		try {
			ctx = new ContextEngine(info);
		}
		catch (IOException ex) {
			throw new LwsException("Cannot create the context: " + ex.getMessage(), ex);
		}
		try {
			for (VhostCreationInfo v : info.vhosts()) {
				ctx.createVhost(v);
			}
			if (info.startServiceThreads()) {
				for (ServiceThread t : ctx.threads) {
					t.start();
				}
			}
		}
		catch (RuntimeException ex) {
			ctx.destroy();
			throw ex;
		}
		return ctx;
	}

	@Override
	public synchronized LwsVhost createVhost(VhostCreationInfo vi) {
		checkNotDestroyed();
		for (VhostImpl v : this.vhosts) {
			if (v.name().equals(vi.name())) {
				throw new LwsException("A vhost called '" + vi.name() + "' already exists; vhost names must be unique");
			}
		}
		ListenSocket shared = null;
		if (vi.port() != VhostCreationInfo.PORT_NO_LISTEN && vi.port() != 0) {
			String key = ListenSocket.keyOf(vi);
			for (ListenSocket ls : this.listenSockets) {
				if (ls.key().equals(key)) {
					shared = ls;
				}
			}
			if (shared != null && shared.isTls() != vi.isTls()) {
				throw new LwsException("Vhost '" + vi.name() + "' is " + (vi.isTls() ? "TLS" : "plain")
						+ " but shares port " + vi.port() + " with " + (shared.isTls() ? "TLS" : "plain") + " vhost '"
						+ shared.vhosts.get(0).name() + "'; vhosts on one port must all use TLS or none (use another "
						+ "port for this one)");
			}
		}
		VhostImpl vhost = new VhostImpl(this, vi);
		vhost.initProtocols();
		if (vi.port() != VhostCreationInfo.PORT_NO_LISTEN) {
			if (shared != null) {
				vhost.listen = shared;
				shared.addVhost(vhost);
				vhost.log("lws vhost '{}' shares the listen socket of vhost '{}' on {}", vi.name(),
						shared.vhosts.get(0).name(), shared.boundAddress());
			}
			else {
				ListenSocket ls = ListenSocket.bind(this, vi);
				ls.addVhost(vhost);
				vhost.listen = ls;
				this.listenSockets.add(ls);
				registerListener(ls);
				vhost.log("lws started on {} (vhost '{}'{}) with protocols {}", ls.boundAddress(), vi.name(),
						vi.isTls() ? ", TLS" : "", vhost.protocolNames());
			}
		}
		this.vhosts.add(vhost);
		return vhost;
	}

	private void registerListener(ListenSocket ls) {
		ServiceThread pt0 = this.threads[0];
		if (pt0.inThread() || !this.info.startServiceThreads() || !pt0.isAlive()) {
			try {
				ls.register(pt0);
			}
			catch (IOException ex) {
				throw new LwsException("Cannot register the listen socket: " + ex.getMessage(), ex);
			}
			pt0.selector.wakeup();
			return;
		}
		CountDownLatch done = new CountDownLatch(1);
		pt0.post(() -> {
			try {
				ls.register(pt0);
			}
			catch (IOException ex) {
				LwsLog.err("Cannot register listen socket {}: {}", ls.boundAddress(), ex.getMessage());
			}
			done.countDown();
		});
		await(done);
	}

	/** Takes a connected socket onto the idlest service thread. */
	Connection adopt(SocketChannel sc, ListenSocket listen, ByteBuffer readbuf) {
		ServiceThread pt = idlest();
		VhostImpl vhost = (listen != null) ? listen.vhosts.get(0) : firstListeningVhost();
		if (pt.connectionCount() >= limitPerThread()) {
			LwsLog.warn("Refusing a connection: every service thread has {} connections (fd_limit_per_thread)",
					limitPerThread());
			closeQuietly(sc);
			this.metrics.connectionRejected(vhost.name(), "limit");
			return null;
		}
		configureSocket(sc, listen != null && listen.acceptedWithNoDelay(sc));
		Connection c = new Connection(pt, sc, (listen != null) ? listen : vhost.listen, vhost);
		Runnable open = () -> {
			try {
				c.open(readbuf);
			}
			catch (IOException | RuntimeException ex) {
				LwsLog.warn("Cannot set up an accepted connection: {}", ex.toString());
				c.closeNow(Connection.CloseCause.IO_ERROR);
			}
		};
		if (pt.inThread()) {
			open.run();
		}
		else {
			pt.post(open);
		}
		return c;
	}

	private static int settableNotSentLowat(int bytes) {
		String unavailable = TcpNotSentLowat.unavailableReason();
		if (bytes > 0 && unavailable != null) {
			LwsLog.warn("tcpNotSentLowat {} is not applied, sockets keep the system's net.ipv4.tcp_notsent_lowat: {}",
					bytes, unavailable);
			return 0;
		}
		return bytes;
	}

	private int limitPerThread() {
		return (this.info.fdLimitPerThread() > 0) ? this.info.fdLimitPerThread() : Integer.MAX_VALUE;
	}

	/**
	 * Gives a connected TCP socket {@code TCP_NODELAY} (unless it has it already, copied from its listen socket) and
	 * the context's keep-alive; other sockets are left as they are.
	 */
	void configureSocket(SocketChannel sc, boolean hasNoDelay) {
		try {
			if (sc.getLocalAddress() instanceof java.net.InetSocketAddress) {
				if (!hasNoDelay) {
					sc.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
				}
				if (this.info.kaTime() > 0) {
					sc.setOption(java.net.StandardSocketOptions.SO_KEEPALIVE, true);
					TcpKeepalive.apply(sc, this.info.kaTime(), this.info.kaProbes(), this.info.kaInterval());
				}
			}
		}
		catch (IOException ex) {
			LwsLog.debug("Cannot set socket options: {}", ex.getMessage());
		}
	}

	private ServiceThread idlest() {
		ServiceThread best = this.threads[0];
		for (ServiceThread t : this.threads) {
			if (t.connectionCount() < best.connectionCount()) {
				best = t;
			}
		}
		return best;
	}

	private VhostImpl firstListeningVhost() {
		for (VhostImpl v : this.vhosts) {
			if (v.listen != null) {
				return v;
			}
		}
		if (this.vhosts.isEmpty()) {
			throw new LwsException("Cannot adopt a socket: the context has no vhost");
		}
		return this.vhosts.get(0);
	}

	@Override
	public Lws clientConnect(io.lws.core.ClientConnectInfo info) {
		checkNotDestroyed();
		VhostImpl vhost;
		if (info.vhost() != null) {
			if (!(info.vhost() instanceof VhostImpl v) || v.context() != this) {
				throw new IllegalArgumentException("clientConnect: vhost '" + info.vhost().name()
						+ "' belongs to another context");
			}
			vhost = v;
		}
		else {
			if (this.vhosts.isEmpty()) {
				throw new IllegalStateException("clientConnect: the context has no vhost (create one, with port "
						+ "VhostCreationInfo.PORT_NO_LISTEN for a client-only vhost)");
			}
			vhost = this.vhosts.get(0);
		}
		ServiceThread pt;
		Connection parent = null;
		if (info.parentWsi() != null) {
			if (!(info.parentWsi() instanceof Connection p) || p.pt.context != this) {
				throw new IllegalArgumentException("clientConnect: parent_wsi belongs to another context");
			}
			parent = p;
			pt = p.pt;
		}
		else {
			pt = currentServiceThread();
			if (pt == null) {
				pt = idlest();
			}
		}
		Connection c = new Connection(pt, vhost, info);
		c.parent = parent;
		pt.post(c::openClient);
		return c;
	}

	/** The service thread the caller runs on, or null. */
	private ServiceThread currentServiceThread() {
		for (ServiceThread t : this.threads) {
			if (t.inThread()) {
				return t;
			}
		}
		return null;
	}

	/**
	 * Where client connections look up names (blocking {@code InetAddress} calls): a few daemon threads made on first
	 * use, so no service thread ever waits on DNS.
	 */
	synchronized java.util.concurrent.Executor resolver() {
		if (this.resolver == null) {
			this.resolver = daemonPool("lws-dns-", 4, 4096);
		}
		return this.resolver;
	}

	/**
	 * A bounded pool of {@code threads} daemon threads named {@code prefix + n}, made as work comes and gone after
	 * 30 s idle, with a queue of {@code queue} tasks (beyond it {@code execute} throws, for the caller's overflow
	 * policy).
	 */
	private static java.util.concurrent.ThreadPoolExecutor daemonPool(String prefix, int threads, int queue) {
		java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads, 30,
				TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(queue), (r) -> {
					Thread t = new Thread(r, prefix + count.getAndIncrement());
					t.setDaemon(true);
					return t;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	@Override
	public Lws adoptSocket(SocketChannel channel) throws IOException {
		return adoptSocketReadbuf(channel, null);
	}

	@Override
	public Lws adoptSocketReadbuf(SocketChannel channel, ByteBuffer readbuf) throws IOException {
		checkNotDestroyed();
		if (readbuf != null && readbuf.remaining() > this.info.maxHttpHeaderData()) {
			closeQuietly(channel);
			throw new IOException("adoptSocketReadbuf: " + readbuf.remaining() + " bytes is more than "
					+ "max_http_header_data (" + this.info.maxHttpHeaderData() + ")");
		}
		ByteBuffer copy = null;
		if (readbuf != null) {
			copy = ByteBuffer.allocate(readbuf.remaining());
			copy.put(readbuf).flip();
		}
		Connection c = adopt(channel, null, copy);
		if (c == null) {
			throw new IOException("The socket was refused (connection limit reached)");
		}
		return c;
	}

	@Override
	public List<LwsVhost> vhosts() {
		return List.copyOf(this.vhosts);
	}

	@Override
	public LwsVhost vhost(String name) {
		for (VhostImpl v : this.vhosts) {
			if (v.name().equals(name)) {
				return v;
			}
		}
		return null;
	}

	@Override
	public ContextCreationInfo info() {
		return this.info;
	}

	/**
	 * Where TLS delegated tasks run: a bounded pool ({@code tlsTaskThreads}, queue of 1024) of daemon threads made on
	 * first use. When it is full, the task runs on the service thread instead (the overflow policy).
	 */
	synchronized java.util.concurrent.Executor tlsTasks() {
		if (this.tlsTasks == null) {
			int n = (this.info.tlsTaskThreads() > 0) ? this.info.tlsTaskThreads()
					: Runtime.getRuntime().availableProcessors();
			this.tlsTasks = daemonPool("lws-tls-", n, 1024);
		}
		return this.tlsTasks;
	}

	MetricsRecorder metrics() {
		return this.metrics;
	}

	ClassLoader classLoader() {
		ClassLoader cl = Thread.currentThread().getContextClassLoader();
		return (cl != null) ? cl : ContextEngine.class.getClassLoader();
	}

	@Override
	public int service(long timeoutMs) {
		return serviceTsi(timeoutMs, 0);
	}

	@Override
	public int serviceTsi(long timeoutMs, int tsi) {
		if (this.info.startServiceThreads()) {
			throw new IllegalStateException("This context runs its own service threads; service() is only for a "
					+ "context created with startServiceThreads(false)");
		}
		if (this.destroyed.get()) {
			return -1;
		}
		ServiceThread t = this.threads[tsi];
		t.adoptCallerThread();
		try {
			t.serviceOnce(Math.max(0, timeoutMs));
		}
		catch (IOException ex) {
			LwsLog.err("Service pass failed: {}", ex.getMessage());
			return -1;
		}
		catch (java.nio.channels.ClosedSelectorException ex) {
			return -1;
		}
		return 0;
	}

	@Override
	public void cancelService() {
		for (ServiceThread t : this.threads) {
			t.cancel();
		}
	}

	void deliverEventWaitCancelled(ServiceThread pt) {
		for (VhostImpl v : this.vhosts) {
			for (LwsProtocol<?> p : v.protocols()) {
				Callbacks.callGeneric(p, CallbackReason.EVENT_WAIT_CANCELLED, v);
			}
		}
	}

	@Override
	public void post(int tsi, Runnable task) {
		this.threads[tsi].post(task);
	}

	/**
	 * Runs {@code action} for each connection matching {@code filter}, each on its own service thread: at once for the
	 * calling service thread's connections, through a posted task for the others.
	 */
	void forEachConnection(Predicate<Connection> filter, Consumer<Connection> action) {
		for (ServiceThread t : this.threads) {
			Runnable r = () -> {
				for (Connection c : new ArrayList<>(t.connections)) {
					if (!c.isClosed() && filter.test(c)) {
						action.accept(c);
					}
				}
			};
			if (t.inThread()) {
				r.run();
			}
			else {
				t.post(r);
			}
		}
	}

	static void callOne(Connection c, CallbackReason reason) {
		if (c.callBound(reason, null) != 0) {
			c.closeFromCallback();
		}
	}

	@Override
	public void callbackOnWritableAllProtocol(LwsProtocol<?> protocol) {
		forEachConnection((c) -> c.protocol == protocol && c.isWebSocket(), Connection::requestWritableOnThread);
	}

	@Override
	public void callbackAllProtocol(LwsProtocol<?> protocol, CallbackReason reason) {
		forEachConnection((c) -> c.protocol == protocol, (c) -> callOne(c, reason));
	}

	@Override
	public void rxFlowAllowAllProtocol(LwsProtocol<?> protocol) {
		forEachConnection((c) -> c.protocol == protocol, (c) -> c.rxFlowControlOnThread(true));
	}

	@Override
	public Object contextUser() {
		return this.info.user();
	}

	@Override
	public String canonicalHostname() {
		return this.canonicalHostname;
	}

	@Override
	public int countThreads() {
		return this.threads.length;
	}

	/** The service threads, for health and metrics. */
	public List<ServiceThread> serviceThreads() {
		return List.of(this.threads);
	}

	/**
	 * The service threads of {@code ctx} when it is this engine's context ({@link #serviceThreads()}); none for a
	 * stopped server ({@code null}) or another {@link LwsContext} implementation.
	 * @param ctx a context, or {@code null}
	 * @return its service threads, in {@code tsi} order
	 */
	public static List<ServiceThread> serviceThreadsOf(LwsContext ctx) {
		return (ctx instanceof ContextEngine engine) ? engine.serviceThreads() : List.of();
	}

	@Override
	public HeaderPoolStats headerPoolStats() {
		int size = 0;
		int inUse = 0;
		int waiting = 0;
		for (ServiceThread t : this.threads) {
			size += t.headerPool.size();
			inUse += t.headerPool.inUse();
			waiting += t.headerPool.waiting();
		}
		return new HeaderPoolStats(size, inUse, waiting, this.info.maxHttpHeaderData());
	}

	void headerPoolExhausted() {
		if (this.poolExhaustionLogged.compareAndSet(false, true)) {
			LwsLog.warn("The HTTP header pool is exhausted ({} buffers): new connections wait for one. Raise "
					+ "max_http_header_pool if this is regular load (logged once)", this.info.maxHttpHeaderPool());
		}
	}

	@Override
	public int connectionCount() {
		int n = 0;
		for (VhostImpl v : this.vhosts) {
			n += v.connectionCount();
		}
		return n;
	}

	@Override
	public java.util.concurrent.CompletableFuture<Void> shutdownGracefully() {
		if (!this.shuttingDown) {
			this.shuttingDown = true;
			for (ListenSocket ls : this.listenSockets) {
				ls.close();
			}
			forEachConnection((c) -> true, Connection::goAway);
			for (ServiceThread t : this.threads) {
				t.post(this::checkDrained);
			}
		}
		checkDrained();
		return this.drained;
	}

	boolean isShuttingDown() {
		return this.shuttingDown;
	}

	/** Called when a connection closes: completes the graceful shutdown once none is left. */
	void checkDrained() {
		if (this.shuttingDown && connectionCount() == 0) {
			this.drained.complete(null);
		}
	}

	@Override
	public boolean isDestroyed() {
		return this.destroyed.get();
	}

	@Override
	public void destroy() {
		if (!this.destroyed.compareAndSet(false, true)) {
			return;
		}
		for (ListenSocket ls : this.listenSockets) {
			ls.close();
		}
		for (ServiceThread t : this.threads) {
			if (this.info.startServiceThreads() && t.isAlive() && !t.inThread()) {
				t.stop();
			}
		}
		for (ServiceThread t : this.threads) {
			if (this.info.startServiceThreads() && t.hasStarted() && !t.inThread()) {
				try {
					if (!t.awaitStopped(10_000) && t.isAlive()) {
						LwsLog.warn("Service thread {} did not stop within 10 s", t.tsi());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			else {
				t.closeAllNow();
				t.markStoppedWithoutThread();
			}
		}
		for (VhostImpl v : this.vhosts) {
			v.destroyProtocols();
		}
		synchronized (this) {
			if (this.resolver != null) {
				this.resolver.shutdownNow();
			}
			if (this.tlsTasks != null) {
				this.tlsTasks.shutdownNow();
			}
		}
		this.drained.complete(null);
	}

	private void checkNotDestroyed() {
		if (this.destroyed.get()) {
			throw new IllegalStateException("The context has been destroyed");
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new LwsException("A service thread did not answer within 10 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LwsException("Interrupted while waiting for a service thread", ex);
		}
	}

	/** Closes an accepted or connecting socket that no connection owns (any more); a failure changes nothing. */
	static void closeQuietly(SocketChannel sc) {
		try {
			sc.close();
		}
		catch (IOException ex) {
			// nothing more to do
		}
	}

	/**
	 * The host's own name, as libwebsockets 4.x takes it from {@code gethostname()}, or "unknown" as it says when
	 * there is none. No reverse lookup: that answers "localhost" wherever the hosts file maps the host's name to
	 * 127.0.0.1, and can hold up context creation where DNS is slow. On Linux the kernel's copy is read, so not even
	 * the forward lookup that {@link InetAddress#getLocalHost()} makes (and fails on an unresolvable name) is needed.
	 */
	private static String lookupHostname() {
		try {
			String kernel = Files.readString(LINUX_HOSTNAME).trim();
			if (!kernel.isEmpty()) {
				return kernel;
			}
		}
		catch (IOException | SecurityException ex) {
			// not Linux, or not readable: ask the JDK
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	@Override
	public String toString() {
		return "LwsContext[threads=" + this.threads.length + ", vhosts=" + this.vhosts.size() + "]";
	}

}
