package io.lws.core.tls;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * {@code recv(2)} and {@code send(2)} on a connected socket, where the JDK's {@code SocketChannel} uses
 * {@code read(2)} and {@code write(2)}, as libwebsockets does. On Linux the socket calls go to the socket code
 * directly, while {@code read}/{@code write} pass through the file layer first (a third of the receive's kernel time
 * per 64-byte message in docs/performance.md, section 32), and they skip the channel's locks and state checks, which a
 * connection used by one service thread does not need. They are the JDK's own natives for datagram sockets
 * ({@code sun.nio.ch.DatagramDispatcher}), which work on any socket, reached the way {@code LinuxSocketOptions} reaches
 * the socket options: the application opens {@code java.base/sun.nio.ch} to us ({@code --add-opens
 * java.base/sun.nio.ch=ALL-UNNAMED}, or {@code Add-Opens: java.base/sun.nio.ch} in an executable jar's manifest).
 * Without that, off Linux, or with {@code -Dlws.socket-syscalls=false}, {@link #AVAILABLE} is false and every
 * transport uses the channel.
 */
final class SocketSyscalls {

	/** Whether the calls can be made in this JVM. */
	static final boolean AVAILABLE;

	/** The natives' answer when the socket has nothing to read or no room ({@code EAGAIN}). */
	private static final int UNAVAILABLE = -2;

	/** The natives' answer when a signal interrupted the call ({@code EINTR}). */
	private static final int INTERRUPTED = -3;

	private static final MethodHandle RECV;

	private static final MethodHandle SEND;

	private static final MethodHandle GET_FD;

	private static final MethodHandle ADDRESS;

	static {
		MethodHandle recv = null;
		MethodHandle send = null;
		MethodHandle getFd = null;
		MethodHandle address = null;
		boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
		if (linux && Boolean.parseBoolean(System.getProperty("lws.socket-syscalls", "true"))) {
			try {
				Class<?> dispatcher = Class.forName("sun.nio.ch.DatagramDispatcher");
				MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(dispatcher, MethodHandles.lookup());
				MethodType io = MethodType.methodType(int.class, FileDescriptor.class, long.class, int.class);
				recv = lookup.findStatic(dispatcher, "read0", io);
				send = lookup.findStatic(dispatcher, "write0", io);
				// typed as they are called, so invokeExact applies and the JIT inlines them: a generic invoke
				// adapts the type on every call (a method-handle frame of its own on every receive and send)
				getFd = lookup.findVirtual(Class.forName("sun.nio.ch.SelChImpl"), "getFD",
						MethodType.methodType(FileDescriptor.class))
					.asType(MethodType.methodType(FileDescriptor.class, SocketChannel.class));
				address = lookup.findVirtual(Class.forName("sun.nio.ch.DirectBuffer"), "address",
						MethodType.methodType(long.class))
					.asType(MethodType.methodType(long.class, ByteBuffer.class));
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// not opened to us, or another JDK's internals: the channel's own calls serve
				recv = null;
			}
		}
		AVAILABLE = recv != null;
		RECV = recv;
		SEND = send;
		GET_FD = getFd;
		ADDRESS = address;
	}

	private SocketSyscalls() {
	}

	/**
	 * The descriptor to make the calls on for {@code channel}, or {@code null} when they cannot be made: not
	 * {@link #AVAILABLE}, or a channel that is not one of the JDK's own socket classes.
	 */
	static FileDescriptor fd(SocketChannel channel) {
		if (!AVAILABLE) {
			return null;
		}
		try {
			return (FileDescriptor) GET_FD.invokeExact(channel);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * {@code recv(fd, dst, dst.remaining(), 0)} into a direct buffer, advancing its position.
	 * @return bytes read, 0 when none are available now, -1 at the end of the stream
	 * @throws IOException when the socket fails
	 */
	static int recv(FileDescriptor fd, ByteBuffer dst) throws IOException {
		int n = transfer(RECV, fd, dst);
		return (n >= 0) ? n : (n == UNAVAILABLE || n == INTERRUPTED) ? 0 : -1;
	}

	/**
	 * {@code send(fd, src, src.remaining(), 0)} from a direct buffer, advancing its position.
	 * @return bytes the socket took, 0 when it has no room now
	 * @throws IOException when the socket fails
	 */
	static int send(FileDescriptor fd, ByteBuffer src) throws IOException {
		return Math.max(0, transfer(SEND, fd, src));
	}

	/**
	 * {@code call} on the bytes between {@code buf}'s position and limit, advancing the position by what it moved.
	 * @return the bytes moved, 0 for an empty range, or the native's negative status ({@link #UNAVAILABLE}, ...)
	 */
	private static int transfer(MethodHandle call, FileDescriptor fd, ByteBuffer buf) throws IOException {
		int pos = buf.position();
		int len = buf.limit() - pos;
		if (len <= 0) {
			return 0;
		}
		int n;
		try {
			n = (int) call.invokeExact(fd, address(buf) + pos, len);
		}
		catch (IOException | RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
		if (n > 0) {
			buf.position(pos + n);
		}
		return n;
	}

	private static long address(ByteBuffer direct) {
		try {
			return (long) ADDRESS.invokeExact(direct);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

}
