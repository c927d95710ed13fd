package io.lws.core.service;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * Linux's {@code TCP_NOTSENT_LOWAT} on a socket that streams a file. Without it the kernel reports such a socket
 * writable while megabytes wait unsent, and on loopback the sending of that backlog then runs on the receiver's core as
 * its acknowledgements open the window; with it the socket is writable only when fewer than that many bytes wait, so
 * the engine writes as the peer drains and the sending runs on the service thread's own core.
 * <p>
 * Java 17 has no socket option for it ({@code jdk.net.ExtendedSocketOptions} lacks it), so it is set through the
 * JDK's own {@code sun.nio.ch.Net}, which the application must open to us: {@code --add-opens
 * java.base/sun.nio.ch=ALL-UNNAMED} on the command line, or {@code Add-Opens: java.base/sun.nio.ch} in an executable
 * jar's manifest. Where that is missing, or off Linux, {@link #unavailableReason()} says why and sockets keep the
 * system's {@code net.ipv4.tcp_notsent_lowat}.
 */
final class TcpNotSentLowat {

	private static final int IPPROTO_TCP = 6;

	/** The option's number in Linux's {@code <netinet/tcp.h>}. */
	private static final int TCP_NOTSENT_LOWAT = 25;

	private static final MethodHandle GET_FD;

	private static final MethodHandle SET_INT;

	private static final MethodHandle GET_INT;

	private static final String UNAVAILABLE;

	static {
		MethodHandle getFd = null;
		MethodHandle setInt = null;
		MethodHandle getInt = null;
		String unavailable = null;
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
			unavailable = "TCP_NOTSENT_LOWAT is set on Linux only";
		}
		else {
			try {
				Class<?> net = Class.forName("sun.nio.ch.Net");
				MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(net, MethodHandles.lookup());
				getFd = lookup.findVirtual(Class.forName("sun.nio.ch.SelChImpl"), "getFD",
						MethodType.methodType(FileDescriptor.class));
				setInt = lookup.findStatic(net, "setIntOption0", MethodType.methodType(void.class,
						FileDescriptor.class, boolean.class, int.class, int.class, int.class, boolean.class));
				getInt = lookup.findStatic(net, "getIntOption0",
						MethodType.methodType(int.class, FileDescriptor.class, boolean.class, int.class, int.class));
			}
			catch (IllegalAccessException ex) {
				unavailable = "the JVM needs --add-opens java.base/sun.nio.ch=ALL-UNNAMED "
						+ "(or Add-Opens: java.base/sun.nio.ch in the jar's manifest)";
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				unavailable = "this JDK has no sun.nio.ch.Net socket option methods (" + ex + ")";
			}
		}
		GET_FD = getFd;
		SET_INT = setInt;
		GET_INT = getInt;
		UNAVAILABLE = unavailable;
	}

	private TcpNotSentLowat() {
	}

	/** Why the option cannot be set in this JVM, or {@code null} when it can. */
	static String unavailableReason() {
		return UNAVAILABLE;
	}

	/**
	 * Sets the option on {@code sc} when it can be set; a socket that is closing meanwhile is left as it is.
	 */
	static void apply(SocketChannel sc, int bytes) {
		if (UNAVAILABLE != null) {
			return;
		}
		try {
			SET_INT.invoke(fd(sc), false, IPPROTO_TCP, TCP_NOTSENT_LOWAT, bytes, false);
		}
		catch (IOException ex) {
			// closed under us: nothing left to tune
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The option as the kernel has it on {@code sc} (what a test or a diagnosis reads back). */
	static int current(SocketChannel sc) throws IOException {
		if (UNAVAILABLE != null) {
			throw new IOException("TCP_NOTSENT_LOWAT cannot be read: " + UNAVAILABLE);
		}
		try {
			return (int) GET_INT.invoke(fd(sc), false, IPPROTO_TCP, TCP_NOTSENT_LOWAT);
		}
		catch (IOException | RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static FileDescriptor fd(SocketChannel sc) throws Throwable {
		return (FileDescriptor) GET_FD.invoke(sc);
	}

}
