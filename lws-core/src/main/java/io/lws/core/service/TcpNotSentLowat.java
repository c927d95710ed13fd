package io.lws.core.service;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * Linux's {@code TCP_NOTSENT_LOWAT} on a socket that streams a file. Without it the kernel reports such a socket
 * writable while megabytes wait unsent, and on loopback the sending of that backlog then runs on the receiver's core as
 * its acknowledgements open the window; with it the socket is writable only when fewer than that many bytes wait, so
 * the engine writes as the peer drains and the sending runs on the service thread's own core.
 * <p>
 * Java 17 has no socket option for it ({@code jdk.net.ExtendedSocketOptions} lacks it), so it is set through
 * {@link LinuxSocketOptions}; where that cannot work, {@link #unavailableReason()} says why and sockets keep the
 * system's {@code net.ipv4.tcp_notsent_lowat}.
 */
final class TcpNotSentLowat {

	/** The option's number in Linux's {@code <netinet/tcp.h>}. */
	private static final int TCP_NOTSENT_LOWAT = 25;

	private TcpNotSentLowat() {
	}

	/** Why the option cannot be set in this JVM, or {@code null} when it can. */
	static String unavailableReason() {
		return LinuxSocketOptions.unavailableReason();
	}

	/**
	 * Sets the option on {@code sc} when it can be set; a socket that is closing meanwhile is left as it is.
	 */
	static void apply(SocketChannel sc, int bytes) {
		if (unavailableReason() != null) {
			return;
		}
		try {
			LinuxSocketOptions.setInt(sc, LinuxSocketOptions.IPPROTO_TCP, TCP_NOTSENT_LOWAT, bytes);
		}
		catch (IOException ex) {
			// closed under us: nothing left to tune
		}
	}

	/** The option as the kernel has it on {@code sc} (what a test or a diagnosis reads back). */
	static int current(SocketChannel sc) throws IOException {
		return LinuxSocketOptions.getInt(sc, LinuxSocketOptions.IPPROTO_TCP, TCP_NOTSENT_LOWAT);
	}

}
