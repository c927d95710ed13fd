package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.lws.core.log.LwsLog;

/**
 * One service thread ({@code struct lws_context_per_thread}): a {@link Selector}, the connections it owns, its share
 * of the header pool, its timeouts and timers, and one read buffer ({@code pt_serv_buf_size}) that every connection
 * of the thread reads into, so idle connections hold no read buffer.
 * <p>
 * One pass of the loop ({@link #serviceOnce(long)}): wait for I/O or the next timer, read what is readable (parsing
 * and calling back as it goes), run posted tasks and due timers, give writeable callbacks to the connections that
 * asked, then flush everything written during the pass together.
 */
public final class ServiceThread {

	final int tsi;

	final ContextEngine context;

	final Selector selector;

	/** The shared read buffer: valid only during one connection's read handling. */
	final ByteBuffer readBuffer;

	final HeaderPool headerPool;

	/** Scratch space for one WebSocket frame header, copied out by {@code queueOutput} at once. */
	final ByteBuffer txHeader = ByteBuffer.allocate(14);

	/** Masking keys for the frames of this thread's client connections. */
	final io.lws.core.ws.MaskKeys maskKeys = new io.lws.core.ws.MaskKeys();

	final TimeoutList timeouts = new TimeoutList();

	/** Bytes and writeable requests of this pass, reported to the context's recorder at its end. */
	final PassTraffic traffic = new PassTraffic();

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean wakeupPending = new AtomicBoolean();

	private final PriorityQueue<TimerEntry> timers = new PriorityQueue<>();

	/** Connections that asked for a writeable callback and are not blocked on a full socket. */
	private final ArrayDeque<Connection> writableQueue = new ArrayDeque<>();

	/** Connections with output written during this pass, to flush at its end. */
	private final ArrayDeque<Connection> dirty = new ArrayDeque<>();

	/** Connections waiting for the socket to drain. */
	final Set<Connection> blockedWriters = new LinkedHashSet<>();

	final Set<Connection> connections = new LinkedHashSet<>();

	/** The output buffer most connections need: a few frames or a response head and small body. */
	static final int SMALL_OUT_BUFFER = 16 * 1024;

	/** The larger pooled output buffer: a read's worth of echoed pieces between writes. */
	static final int LARGE_OUT_BUFFER = 64 * 1024;

	/** How many emptied output buffers a service thread keeps (at most 4 MiB). */
	private static final int SPARE_OUT_BUFFERS = 64;

	private final List<ByteBuffer> spareOutBuffers = new ArrayList<>();

	/** TLS scratch buffers, made when the thread's first TLS connection needs them. */
	private io.lws.core.tls.TlsBuffers tlsBuffers;

	/** Scratch for one chunk of a file sent without {@code transferTo} (TLS, class-path resources). */
	private ByteBuffer fileChunk;

	/** Scratch for a response head the engine writes, copied into the connection's output at once. */
	private ByteBuffer headScratch = ByteBuffer.allocate(512);

	private long lastSecond;

	/** Counts passes of the loop, so a connection can tell it was handled in the previous one. */
	private long pass;

	/** The ready keys of this pass, in the order the kernel reported them. */
	private final ArrayDeque<SelectionKey> readyKeys = new ArrayDeque<>();

	/** What the selector calls for each ready key: only collects it (see {@link #serviceOnce}). */
	private final Consumer<SelectionKey> collectReadyKey = this.readyKeys::addLast;

	/** Ready keys of this pass held back until the others are handled (see {@link #serveReadyKeys}). */
	private final ArrayDeque<SelectionKey> lateKeys = new ArrayDeque<>();

	/** Channels of connections closed in this pass, closed after the next select (see {@link #closeAfterSelect}). */
	private final ArrayList<SocketChannel> closingChannels = new ArrayList<>();

	private volatile Thread thread;

	private volatile boolean running = true;

	private volatile boolean cancelRequested;

	private final CountDownLatch stopped = new CountDownLatch(1);

	volatile long lastLoopNanos = System.nanoTime();

	ServiceThread(ContextEngine context, int tsi, int poolShare) throws IOException {
		this.context = context;
		this.tsi = tsi;
		this.selector = Selector.open();
		// direct: a socket read into a heap buffer goes through a temporary direct one and is copied once more
		this.readBuffer = ByteBuffer.allocateDirect(context.info().ptServBufSize());
		this.headerPool = new HeaderPool(poolShare, context.info().maxHttpHeaderData(), context.info().tokenLimits());
		this.lastSecond = nowSecs();
	}

	/** The service thread index ({@code tsi}). */
	public int tsi() {
		return this.tsi;
	}

	void start() {
		Thread t = new Thread(this::runLoop, "lws-service-" + this.tsi);
		t.setDaemon(false);
		this.thread = t;
		t.start();
	}

	/** Binds the calling thread as this service thread's owner, for a context the application drives. */
	void adoptCallerThread() {
		Thread current = Thread.currentThread();
		if (this.thread == null) {
			this.thread = current;
		}
		else if (this.thread != current) {
			throw new IllegalStateException("service() for thread " + this.tsi + " was called from " + current.getName()
					+ " but it is driven by " + this.thread.getName() + "; always call it from the same thread");
		}
	}

	private void runLoop() {
		try {
			while (this.running) {
				serviceOnce(1000);
			}
		}
		catch (ClosedSelectorException ex) {
			// destroy() closed the selector under us: we are done
		}
		catch (Throwable ex) {
			LwsLog.err("Service thread {} stopped by an unexpected error: {}", this.tsi, ex.toString());
			LwsLog.debug("Service thread failure", ex);
		}
		finally {
			closeAllNow();
			this.stopped.countDown();
		}
	}

	/** Whether a thread has been started for (or bound to) this service thread. */
	boolean hasStarted() {
		return this.thread != null;
	}

	/** Whether the calling thread is this service thread. */
	boolean inThread() {
		return Thread.currentThread() == this.thread;
	}

	/** Whether this thread's loop is alive (for health). */
	public boolean isAlive() {
		Thread t = this.thread;
		return this.running && t != null && (t.isAlive() || !this.context.info().startServiceThreads());
	}

	/**
	 * Runs one pass of the loop, waiting at most {@code timeoutMs} for something to do.
	 */
	void serviceOnce(long timeoutMs) throws IOException {
		long wait = timeoutMs;
		if (!this.tasks.isEmpty() || !this.writableQueue.isEmpty() || !this.dirty.isEmpty() || this.cancelRequested
				|| !this.closingChannels.isEmpty()) {
			wait = 0;
		}
		else {
			TimerEntry next = this.timers.peek();
			if (next != null) {
				long untilTimer = TimeUnit.NANOSECONDS.toMillis(next.deadlineNanos - System.nanoTime()) + 1;
				wait = Math.max(0, Math.min(wait, untilTimer));
			}
			wait = Math.min(wait, 1000);
		}
		// Ready keys are handled in the order the kernel reports them (epoll's ready list is first come, first
		// served, but for the keys serveReadyKeys holds back), not in the selected-key set's hash order: with the set,
		// a connection that always came late in the pass had its echo flushed late, missed the next select and got one
		// round trip in two passes (min/max fairness 0.54 at 100 connections x 16 in flight). The action form also
		// skips the set's add and remove. The action only collects the keys, and they are served after the select
		// returns: served from inside the action, the whole per-key path was compiled into each of the selector's
		// methods the JIT saw hot, so the first blocked write of the JVM's life (a large file, say) invalidated all of
		// them at once and the service loop ran slow for seconds while they were rebuilt (docs/performance.md,
		// section 20). Keys left by a pass that ended in an exception are stale: the select reports them again.
		this.readyKeys.clear();
		this.lateKeys.clear();
		if (wait <= 0) {
			this.selector.selectNow(this.collectReadyKey);
		}
		else {
			this.selector.select(this.collectReadyKey, wait);
		}
		closeDeregisteredChannels();
		serveReadyKeys();
		this.pass++;
		this.wakeupPending.set(false);
		this.lastLoopNanos = System.nanoTime();
		runTasks();
		if (this.cancelRequested) {
			this.cancelRequested = false;
			this.context.deliverEventWaitCancelled(this);
		}
		runTimers();
		long now = nowSecs();
		if (now != this.lastSecond) {
			this.lastSecond = now;
			everySecond(now);
		}
		runWritableCallbacks();
		flushDirty();
		this.traffic.reportTo(this.context.metrics());
	}

	/**
	 * Serves this pass's ready keys in the kernel's order, except that a connection handled in the previous pass is
	 * served after the others. Level-triggered epoll (the only mode of a Java selector) puts every descriptor it
	 * reports back at the head of its ready list, so one that is readable again by the next wait is reported before
	 * those that became readable while this thread was busy, however late its data came. Under pipelined load the
	 * connections whose peers answer fastest kept the head of every pass and the others fell behind (min/max messages
	 * per connection 0.93-0.95 at 100 connections x 16 in flight). Serving them last restores roughly first come,
	 * first served, as an edge-triggered or {@code poll()} loop gets.
	 */
	private void serveReadyKeys() {
		SelectionKey key;
		while ((key = this.readyKeys.pollFirst()) != null) {
			if (key.attachment() instanceof Connection c && c.servedInPass == this.pass - 1) {
				this.lateKeys.addLast(key);
			}
			else {
				serveKey(key);
			}
		}
		while ((key = this.lateKeys.pollFirst()) != null) {
			serveKey(key);
		}
	}

	/**
	 * Handles one ready key and sends at once what handling it wrote (the echoes of everything one read brought are
	 * still one write): every connection then waits the same time between its read and its answer, wherever it came
	 * in the pass, instead of the last ones read waiting for all the others.
	 */
	private void serveKey(SelectionKey key) {
		handleKey(key);
		flushDirty();
	}

	private void handleKey(SelectionKey key) {
		if (!key.isValid()) {
			return;
		}
		Object att = key.attachment();
		if (att instanceof ListenSocket listen) {
			listen.acceptReady(this);
			return;
		}
		Connection c = (Connection) att;
		c.servedInPass = this.pass;
		try {
			int ready = key.readyOps();
			if ((ready & SelectionKey.OP_CONNECT) != 0) {
				c.onConnectable();
				return;
			}
			if ((ready & SelectionKey.OP_WRITE) != 0) {
				c.onWritableReady();
			}
			if ((ready & SelectionKey.OP_READ) != 0 && !c.isClosed()) {
				c.onReadable();
			}
		}
		catch (RuntimeException ex) {
			c.failInternal(ex);
		}
	}

	private void runTasks() {
		Runnable task;
		int budget = 1024;
		while (budget-- > 0 && (task = this.tasks.poll()) != null) {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				LwsLog.err("A task posted to service thread {} failed: {}", this.tsi, ex.toString());
			}
		}
	}

	private void runTimers() {
		long now = System.nanoTime();
		TimerEntry t;
		while ((t = this.timers.peek()) != null && t.deadlineNanos - now <= 0) {
			this.timers.poll();
			if (t.connection != null) {
				if (t.generation == t.connection.timerGeneration && !t.connection.isClosed()) {
					t.connection.onTimer();
				}
			}
			else {
				try {
					t.task.run();
				}
				catch (RuntimeException ex) {
					LwsLog.err("A timer task on service thread {} failed: {}", this.tsi, ex.toString());
				}
			}
		}
	}

	private void everySecond(long nowSecs) {
		this.timeouts.expire(nowSecs, Connection::onTimeoutExpired);
		if (!this.blockedWriters.isEmpty()) {
			long stallNanos = TimeUnit.SECONDS.toNanos(this.context.info().txStallTimeoutSecs());
			long now = System.nanoTime();
			for (Connection c : new ArrayList<>(this.blockedWriters)) {
				if (now - c.lastWriteProgressNanos > stallNanos) {
					c.onTxStalled();
				}
			}
		}
	}

	private void runWritableCallbacks() {
		int n = this.writableQueue.size();
		while (n-- > 0) {
			Connection c = this.writableQueue.pollFirst();
			if (c == null) {
				break;
			}
			c.queuedForWritable = false;
			if (!c.isClosed()) {
				c.deliverWritable();
			}
		}
	}

	private void flushDirty() {
		Connection c;
		while ((c = this.dirty.pollFirst()) != null) {
			c.queuedForFlush = false;
			if (!c.isClosed()) {
				c.flush();
			}
		}
	}

	/** Queues {@code c} for a writeable callback in this pass. */
	void queueWritable(Connection c) {
		if (!c.queuedForWritable) {
			c.queuedForWritable = true;
			this.writableQueue.addLast(c);
		}
	}

	/** Queues {@code c}'s output to be flushed at the end of this pass. */
	void queueFlush(Connection c) {
		if (!c.queuedForFlush) {
			c.queuedForFlush = true;
			this.dirty.addLast(c);
		}
	}

	/**
	 * Runs {@code task} on this thread (at once when already on it is not assumed: always queued). Safe from any
	 * thread.
	 */
	public void post(Runnable task) {
		this.tasks.add(task);
		wakeup();
	}

	/** Wakes the selector, at most once per pass. Safe from any thread. */
	void wakeup() {
		if (!inThread() && this.wakeupPending.compareAndSet(false, true)) {
			this.selector.wakeup();
		}
	}

	/** {@code lws_cancel_service_pt}. */
	void cancel() {
		this.cancelRequested = true;
		if (this.wakeupPending.compareAndSet(false, true)) {
			this.selector.wakeup();
		}
	}

	/** Schedules a connection's timer ({@code lws_set_timer_usecs}). */
	void scheduleTimer(Connection c, long delayNanos) {
		this.timers.add(new TimerEntry(System.nanoTime() + delayNanos, c, c.timerGeneration, null));
	}

	/** Schedules {@code task} after {@code delayNanos} on this thread. Only on this thread. */
	void schedule(Runnable task, long delayNanos) {
		this.timers.add(new TimerEntry(System.nanoTime() + delayNanos, null, 0, task));
	}

	/** The thread's TLS scratch buffers. Only on this thread. */
	io.lws.core.tls.TlsBuffers tlsBuffers() {
		if (this.tlsBuffers == null) {
			this.tlsBuffers = io.lws.core.tls.TlsBuffers.forDefaults();
		}
		return this.tlsBuffers;
	}

	/** The thread's file chunk buffer, at least {@code size} bytes, cleared. Only on this thread. */
	ByteBuffer fileChunk(int size) {
		if (this.fileChunk == null || this.fileChunk.capacity() < size) {
			// direct: a positioned read into a heap buffer goes through a temporary direct one and is copied again
			this.fileChunk = ByteBuffer.allocateDirect(size);
		}
		this.fileChunk.clear();
		return this.fileChunk;
	}

	/** The thread's head scratch buffer, at least {@code size} bytes, cleared. Only on this thread. */
	ByteBuffer headScratch(int size) {
		if (this.headScratch.capacity() < size) {
			this.headScratch = ByteBuffer.allocate(Math.max(size, this.headScratch.capacity() * 2));
		}
		return this.headScratch.clear();
	}

	/**
	 * A spare output buffer of at least {@code size} bytes, of one of two sizes kept for reuse, or (a writer far ahead
	 * of its socket) a heap buffer of the size asked. The small ones are heap buffers: small frames and heads are
	 * copied in by the JIT's array copies, and the JDK's copy into its temporary direct buffer for the write is one
	 * copy of a few KiB. The large ones, which carry bulk data, are direct: a write from them needs no such copy.
	 */
	ByteBuffer takeOutBuffer(int size) {
		int capacity = (size <= SMALL_OUT_BUFFER) ? SMALL_OUT_BUFFER
				: (size <= LARGE_OUT_BUFFER) ? LARGE_OUT_BUFFER : size;
		if (capacity > LARGE_OUT_BUFFER) {
			return ByteBuffer.allocate(capacity);
		}
		for (int i = this.spareOutBuffers.size() - 1; i >= 0; i--) {
			ByteBuffer b = this.spareOutBuffers.get(i);
			if (b.capacity() == capacity) {
				this.spareOutBuffers.remove(i);
				b.clear();
				return b;
			}
		}
		return (capacity == LARGE_OUT_BUFFER) ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
	}

	/** Returns an emptied output buffer for reuse (only the two pooled sizes, and a bounded number of them). */
	void giveBackOutBuffer(ByteBuffer b) {
		boolean pooled = (b.capacity() == SMALL_OUT_BUFFER) || (b.capacity() == LARGE_OUT_BUFFER && b.isDirect());
		if (pooled && this.spareOutBuffers.size() < SPARE_OUT_BUFFERS) {
			this.spareOutBuffers.add(b);
		}
	}

	void register(Connection c) {
		this.connections.add(c);
	}

	void unregister(Connection c) {
		this.connections.remove(c);
		this.blockedWriters.remove(c);
		this.timeouts.remove(c);
		this.headerPool.cancelWait(c);
	}

	/**
	 * The connections this thread serves (libwebsockets' per-thread {@code fds_count}, less the listen sockets); read
	 * from another thread, a recent value.
	 */
	public int connectionCount() {
		return this.connections.size();
	}

	/**
	 * Tasks handed to this thread with {@link #post} (sockets to adopt, work from other threads) and not yet run. Safe
	 * from any thread; it counts the queue, so it is meant for occasional reads such as a gauge.
	 */
	public int pendingTasks() {
		return this.tasks.size();
	}

	/** Stops the loop; called by the context's destroy. */
	void stop() {
		this.running = false;
		this.selector.wakeup();
	}

	boolean awaitStopped(long millis) throws InterruptedException {
		return this.stopped.await(millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Takes the channel of a connection closed during this pass, whose selection key was just cancelled, to close it
	 * once the next select has deregistered it; returns false when the caller should close it now (not on this
	 * thread, or the loop is ending). A channel closed while still registered with a selector makes the JDK read
	 * {@code SO_LINGER} and shut the output, and its descriptor is only closed by the selector's next pass anyway:
	 * two more syscalls per connection (of 16 in a storm of short WebSocket connections, docs/performance.md section
	 * 27). The pass that closed it is followed by a select that does not wait, so the close is not delayed past it.
	 */
	boolean closeAfterSelect(SocketChannel channel) {
		if (!this.running || !inThread()) {
			return false;
		}
		this.closingChannels.add(channel);
		return true;
	}

	/** Closes the channels {@link #closeAfterSelect} took: the select that just ran has deregistered them. */
	private void closeDeregisteredChannels() {
		for (int i = 0; i < this.closingChannels.size(); i++) {
			ContextEngine.closeQuietly(this.closingChannels.get(i));
		}
		this.closingChannels.clear();
	}

	/** Closes every connection at once (the thread is ending). */
	void closeAllNow() {
		for (Connection c : new ArrayList<>(this.connections)) {
			c.closeNow(Connection.CloseCause.CONTEXT_DESTROY);
		}
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			// nothing more to do
		}
		// the selector is closed, so nothing is registered any more
		closeDeregisteredChannels();
	}

	void markStoppedWithoutThread() {
		this.stopped.countDown();
	}

	static long nowSecs() {
		return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime());
	}

	@Override
	public String toString() {
		return "ServiceThread[" + this.tsi + ", connections=" + this.connections.size() + ", ah in use="
				+ this.headerPool.inUse() + "/" + this.headerPool.size()
				+ ", waiting=" + this.headerPool.waiting() + "]";
	}

	private record TimerEntry(long deadlineNanos, Connection connection, long generation, Runnable task)
			implements Comparable<TimerEntry> {

		@Override
		public int compareTo(TimerEntry o) {
			return Long.compare(this.deadlineNanos, o.deadlineNanos);
		}

	}

}
