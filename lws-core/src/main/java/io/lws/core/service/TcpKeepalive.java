package io.lws.core.service;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;

/**
 * TCP keepalive tuning ({@code ka_time}, {@code ka_probes}, {@code ka_interval}) through the JDK's extended socket
 * options where the platform has them (Linux and macOS); elsewhere only {@code SO_KEEPALIVE} applies.
 */
final class TcpKeepalive {

	private TcpKeepalive() {
	}

	@SuppressWarnings("unchecked")
	static void apply(SocketChannel sc, int time, int probes, int interval) throws IOException {
		try {
			Class<?> ext = Class.forName("jdk.net.ExtendedSocketOptions");
			set(sc, (SocketOption<Integer>) ext.getField("TCP_KEEPIDLE").get(null), time);
			if (probes > 0) {
				set(sc, (SocketOption<Integer>) ext.getField("TCP_KEEPCOUNT").get(null), probes);
			}
			if (interval > 0) {
				set(sc, (SocketOption<Integer>) ext.getField("TCP_KEEPINTERVAL").get(null), interval);
			}
		}
		catch (ReflectiveOperationException ex) {
			// no extended options on this JDK: SO_KEEPALIVE with the system's timings
		}
	}

	private static void set(SocketChannel sc, SocketOption<Integer> option, int value) throws IOException {
		if (sc.supportedOptions().contains(option)) {
			sc.setOption(option, value);
		}
	}

}
