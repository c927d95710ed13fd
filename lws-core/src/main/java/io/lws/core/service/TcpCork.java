package io.lws.core.service;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * Linux's {@code TCP_CORK} on a socket whose last bytes are about to be written: the kernel then holds their partial
 * segment back (for at most 200 ms) until the socket is shut down or closed, and puts the FIN in that segment instead
 * of sending a segment of its own for it. Set through {@link LinuxSocketOptions}; where that cannot work the socket
 * is left as it is and the FIN follows in its own segment.
 */
final class TcpCork {

	/** The option's number in Linux's {@code <netinet/tcp.h>}. */
	private static final int TCP_CORK = 3;

	private TcpCork() {
	}

	/** Corks {@code sc} when the option can be set; a socket that is closing meanwhile is left as it is. */
	static void apply(SocketChannel sc) {
		if (LinuxSocketOptions.unavailableReason() != null) {
			return;
		}
		try {
			LinuxSocketOptions.setInt(sc, LinuxSocketOptions.IPPROTO_TCP, TCP_CORK, 1);
		}
		catch (IOException ex) {
			// closed under us
		}
	}

}
