package io.lws.core.service;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.lws.core.LwsException;
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.core.log.LwsLog;

/**
 * A bound listen socket and the vhosts that share it (same port and interface). Accepts on service thread 0 and hands
 * each new connection to the service thread with the fewest connections ({@code lws_get_idlest_tsi}). The Host header
 * later picks the vhost among those sharing the socket.
 * <p>
 * When {@code accept} itself fails (the process is out of file descriptors, most often) the connection stays in the
 * backlog and the socket stays ready, so accepting would fail again at once: the socket instead stops asking for
 * accepts for {@link #ACCEPT_RETRY_NANOS}, and says so once per episode rather than once per attempt.
 */
final class ListenSocket {

	/** How long accepting pauses after {@code accept} failed. */
	private static final long ACCEPT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	/** Linux's {@code IPPROTO_IPV6} and {@code IPV6_V6ONLY} ({@code <netinet/in.h>}). */
	private static final int IPPROTO_IPV6 = 41;

	private static final int IPV6_V6ONLY = 26;

	/** Linux's {@code TCP_NODELAY} ({@code <netinet/tcp.h>}). */
	private static final int TCP_NODELAY = 1;

	private final ServerSocketChannel channel;

	private final String key;

	private final SocketAddress boundAddress;

	private final boolean unix;

	final List<VhostImpl> vhosts = new CopyOnWriteArrayList<>();

	/** Whether connections speak TLS (the vhosts sharing a socket all do, or none does). */
	private boolean tls;

	private final ContextEngine context;

	/** The socket's key on service thread 0's selector, once registered. */
	private SelectionKey selectionKey;

	/** Accepts that failed since the last one that succeeded. */
	private int failedAccepts;

	/**
	 * Whether accepted sockets arrive with {@code TCP_NODELAY}, copied from this socket: false when this socket does
	 * not have it, null until the first accepted socket has been asked. Only service thread 0 accepts, so only it
	 * reads and writes this.
	 */
	private Boolean acceptedWithNoDelay;

	private ListenSocket(ContextEngine context, ServerSocketChannel channel, String key, boolean unix,
			boolean noDelayOnListener) throws IOException {
		this.context = context;
		this.channel = channel;
		this.unix = unix;
		this.acceptedWithNoDelay = noDelayOnListener ? null : Boolean.FALSE;
		this.boundAddress = channel.getLocalAddress();
		// keyed by the port actually bound, so a vhost asking for that port shares a socket first bound as port 0
		this.key = unix ? key : key.substring(0, key.lastIndexOf(':') + 1) + port();
	}

	/** The key under which vhosts share a socket: interface and port. */
	static String keyOf(VhostCreationInfo info) {
		return (info.has(ServerOption.UNIX_SOCK) ? "unix:" : "tcp:") + info.iface() + ":" + info.port();
	}

	/**
	 * Binds the socket a vhost asks for.
	 * @throws LwsException naming the vhost and address when binding fails
	 */
	static ListenSocket bind(ContextEngine context, VhostCreationInfo info) {
		ServerSocketChannel ch = null;
		try {
			if (info.has(ServerOption.UNIX_SOCK)) {
				String path = info.iface();
				if (path.startsWith("@")) {
					throw new LwsException("Vhost '" + info.name() + "': abstract UNIX socket names ('" + path
							+ "') are not supported on the JVM; use a file system path");
				}
				Path p = Path.of(path);
				if (Files.exists(p) && !Files.isDirectory(p)) {
					// a stale socket file from an earlier run would make bind fail
					Files.delete(p);
				}
				ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
				ch.bind(UnixDomainSocketAddress.of(p), 1024);
				return new ListenSocket(context, ch, keyOf(info), true, false);
			}
			InetAddress addr = resolveInterface(info);
			ch = (addr instanceof Inet4Address || info.has(ServerOption.DISABLE_IPV6))
					? ServerSocketChannel.open(StandardProtocolFamily.INET) : ServerSocketChannel.open();
			ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
			if (addr == null && info.has(ServerOption.DISABLE_IPV6)) {
				addr = InetAddress.getByName("0.0.0.0");
			}
			else if (!(addr instanceof Inet4Address)) {
				applyV6Only(ch, info);
			}
			boolean noDelay = setNoDelay(ch);
			ch.bind(new InetSocketAddress(addr, info.port()), 1024);
			return new ListenSocket(context, ch, keyOf(info), false, noDelay);
		}
		catch (IOException ex) {
			closeQuietly(ch);
			String where = info.has(ServerOption.UNIX_SOCK) ? "UNIX socket " + info.iface()
					: "port " + info.port() + ((info.iface() != null) ? " on " + info.iface() : "");
			throw new LwsException("Vhost '" + info.name() + "' cannot listen on " + where + ": " + ex.getMessage()
					+ " (is another server using it?)", ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(ch);
			throw ex;
		}
	}

	/**
	 * {@code LWS_SERVER_OPTION_IPV6_V6ONLY_MODIFY}: sets {@code IPV6_V6ONLY} on an IPv6 listen socket before it
	 * binds, to {@code IPV6_V6ONLY_VALUE} (only IPv6 peers) or its absence (IPv4 peers too, as IPv4-mapped
	 * addresses). Without {@code MODIFY} the JDK's dual-stack default stays. Java 17 has no option for it, so it goes
	 * through {@link LinuxSocketOptions}; where that cannot work, an IPv6-only vhost fails rather than silently
	 * accepting IPv4.
	 */
	private static void applyV6Only(ServerSocketChannel ch, VhostCreationInfo info) throws IOException {
		if (!info.has(ServerOption.IPV6_V6ONLY_MODIFY)) {
			return;
		}
		boolean only = info.has(ServerOption.IPV6_V6ONLY_VALUE);
		String unavailable = LinuxSocketOptions.unavailableReason();
		if (unavailable != null) {
			if (!only) {
				// dual stack is what the JDK's IPv6 sockets are already
				return;
			}
			throw new LwsException("Vhost '" + info.name() + "': IPV6_V6ONLY cannot be set: " + unavailable);
		}
		LinuxSocketOptions.setInt(ch, IPPROTO_IPV6, IPV6_V6ONLY, only ? 1 : 0);
	}

	/**
	 * Sets {@code TCP_NODELAY} on a TCP listen socket, so that Linux copies it into every socket accepted from it and
	 * a connection's setup needs one {@code setsockopt} fewer (3 % of a WebSocket handshake's CPU on the machine of
	 * docs/performance.md, section 62). Java has no option for it on a listen socket, so it goes through
	 * {@link LinuxSocketOptions}; false where that cannot work, and each accepted socket then gets its own.
	 */
	private static boolean setNoDelay(ServerSocketChannel ch) {
		if (LinuxSocketOptions.unavailableReason() != null) {
			return false;
		}
		try {
			LinuxSocketOptions.setInt(ch, LinuxSocketOptions.IPPROTO_TCP, TCP_NODELAY, 1);
			return true;
		}
		catch (IOException ex) {
			LwsLog.debug("Cannot set TCP_NODELAY on a listen socket: {}", ex.getMessage());
			return false;
		}
	}

	/**
	 * Whether {@code sc}, just accepted here, already has {@code TCP_NODELAY}, copied from this socket. The first
	 * accepted socket that can be asked is asked, once; if it did not inherit the option, none is assumed to, and each
	 * gets its own.
	 */
	boolean acceptedWithNoDelay(SocketChannel sc) {
		if (this.acceptedWithNoDelay == null) {
			try {
				this.acceptedWithNoDelay = sc.getOption(StandardSocketOptions.TCP_NODELAY);
			}
			catch (IOException ex) {
				// a socket closed as soon as accepted says nothing: the next one is asked
				LwsLog.debug("Cannot read TCP_NODELAY of an accepted socket: {}", ex.getMessage());
				return false;
			}
		}
		return this.acceptedWithNoDelay;
	}

	/** {@code iface}: an IP literal, an interface name ({@code lo}), or null for all interfaces. */
	private static InetAddress resolveInterface(VhostCreationInfo info) throws IOException {
		String iface = info.iface();
		if (iface == null || iface.isBlank()) {
			return null;
		}
		NetworkInterface ni = NetworkInterface.getByName(iface);
		if (ni != null) {
			InetAddress v6 = null;
			for (Enumeration<InetAddress> e = ni.getInetAddresses(); e.hasMoreElements();) {
				InetAddress a = e.nextElement();
				if (a instanceof Inet4Address) {
					return a;
				}
				if (v6 == null && a instanceof Inet6Address && !info.has(ServerOption.DISABLE_IPV6)) {
					v6 = a;
				}
			}
			if (v6 != null) {
				return v6;
			}
			throw new LwsException("Vhost '" + info.name() + "': interface '" + iface + "' has no usable address");
		}
		try {
			// an IP literal or a host name binds exactly that address (lws 4.1.6 bound all interfaces for an IPv4
			// literal when IPv6 was on)
			return InetAddress.getByName(iface.replace("[", "").replace("]", ""));
		}
		catch (java.net.UnknownHostException ex) {
			throw new LwsException("Vhost '" + info.name() + "': iface '" + iface
					+ "' is neither a network interface of this host nor an address");
		}
	}

	/** Adds a vhost to this socket; the first decides whether it speaks TLS, the others must agree. */
	void addVhost(VhostImpl v) {
		if (this.vhosts.isEmpty()) {
			this.tls = v.info().isTls();
		}
		else if (v.info().isTls() != this.tls) {
			VhostImpl first = this.vhosts.get(0);
			throw new LwsException("Vhost '" + v.name() + "' is " + (v.info().isTls() ? "TLS" : "plain")
					+ " but shares " + this.boundAddress + " with " + (this.tls ? "TLS" : "plain") + " vhost '"
					+ first.name() + "'; vhosts on one port must all use TLS or none (use another port for the "
					+ (v.info().isTls() ? "TLS" : "plain") + " one)");
		}
		this.vhosts.add(v);
	}

	boolean isTls() {
		return this.tls;
	}

	/**
	 * The vhost for a TLS ClientHello's server name (SNI): the vhost of this socket with that name, else the first
	 * (also when the client sent no name).
	 */
	VhostImpl selectVhostBySni(String serverName) {
		VhostImpl v = findVhost(serverName);
		return (v != null) ? v : this.vhosts.get(0);
	}

	/** The vhost of this socket named as {@code host} (a Host header, port ignored), or null. */
	VhostImpl findVhost(String host) {
		if (host == null) {
			return null;
		}
		String name = hostName(host);
		for (VhostImpl v : this.vhosts) {
			if (v.name().toLowerCase(Locale.ROOT).equals(name)) {
				return v;
			}
		}
		return null;
	}

	private static String hostName(String host) {
		String name = host.trim().toLowerCase(Locale.ROOT);
		if (name.startsWith("[")) {
			int end = name.indexOf(']');
			return (end > 0) ? name.substring(0, end + 1) : name;
		}
		int colon = name.indexOf(':');
		return (colon >= 0) ? name.substring(0, colon) : name;
	}

	void register(ServiceThread pt) throws IOException {
		this.channel.configureBlocking(false);
		this.selectionKey = this.channel.register(pt.selector, SelectionKey.OP_ACCEPT, this);
	}

	/** Accepts what is pending (bounded per pass so one flood cannot starve the loop). */
	void acceptReady(ServiceThread pt) {
		for (int i = 0; i < 64; i++) {
			SocketChannel sc;
			try {
				sc = this.channel.accept();
			}
			catch (IOException ex) {
				pauseAccepting(pt, ex);
				return;
			}
			if (sc == null) {
				return;
			}
			if (this.failedAccepts > 0) {
				LwsLog.notice("Accepting again on {} after {} failed attempts", this.boundAddress, this.failedAccepts);
				this.failedAccepts = 0;
			}
			this.context.adopt(sc, this, null);
		}
	}

	private void pauseAccepting(ServiceThread pt, IOException ex) {
		if (!setInterest(0)) {
			return; // the socket was closed (its vhost destroyed) while it was ready: nothing to retry
		}
		if (this.failedAccepts++ == 0) {
			LwsLog.warn("Accept failed on {}: {}; retrying every {} ms until it succeeds", this.boundAddress,
					ex.getMessage(), TimeUnit.NANOSECONDS.toMillis(ACCEPT_RETRY_NANOS));
		}
		pt.schedule(this::resumeAccepting, ACCEPT_RETRY_NANOS);
	}

	private void resumeAccepting() {
		setInterest(SelectionKey.OP_ACCEPT);
	}

	/** False when the socket has been closed meanwhile (by a vhost's destruction on another thread, say). */
	private boolean setInterest(int ops) {
		try {
			this.selectionKey.interestOps(ops);
			return true;
		}
		catch (CancelledKeyException ex) {
			return false;
		}
	}

	/**
	 * Chooses the vhost for a request's Host header: the vhost named exactly as the host (without port), else the
	 * first on this socket.
	 */
	VhostImpl selectVhost(String host) {
		List<VhostImpl> list = this.vhosts;
		VhostImpl first = list.get(0);
		if (host == null || list.size() == 1) {
			return first;
		}
		String name = host.trim().toLowerCase(Locale.ROOT);
		if (name.startsWith("[")) {
			int end = name.indexOf(']');
			name = (end > 0) ? name.substring(0, end + 1) : name;
		}
		else {
			int colon = name.indexOf(':');
			if (colon >= 0) {
				name = name.substring(0, colon);
			}
		}
		for (VhostImpl v : list) {
			if (v.name().toLowerCase(Locale.ROOT).equals(name)) {
				return v;
			}
		}
		return first;
	}

	String key() {
		return this.key;
	}

	SocketAddress boundAddress() {
		return this.boundAddress;
	}

	int port() {
		return (this.boundAddress instanceof InetSocketAddress inet) ? inet.getPort() : -1;
	}

	boolean isUnix() {
		return this.unix;
	}

	boolean isOpen() {
		return this.channel.isOpen();
	}

	void close() {
		closeQuietly(this.channel);
		if (this.unix && this.boundAddress instanceof UnixDomainSocketAddress u) {
			try {
				Files.deleteIfExists(u.getPath());
			}
			catch (IOException ex) {
				// best effort
			}
		}
	}

	private static void closeQuietly(ServerSocketChannel ch) {
		if (ch != null) {
			try {
				ch.close();
			}
			catch (IOException ex) {
				// nothing more to do
			}
		}
	}

}
