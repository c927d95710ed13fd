package io.lws.core.service;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.ServerOption;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code LWS_SERVER_OPTION_IPV6_V6ONLY_MODIFY} and {@code _VALUE} on a vhost listening on all interfaces: IPv6 only,
 * or IPv4 peers too. Needs the loopback's {@code ::1}; the test JVM has {@code --add-opens} from the build.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Ipv6OnlyTest {

	@Test
	void anIpv6OnlyVhostRefusesIpv4PeersAndServesIpv6Ones() throws Exception {
		assumeIpv6Loopback();
		try (TestServer s = TestServer.start((v) -> v.iface(null)
			.options(ServerOption.IPV6_V6ONLY_MODIFY, ServerOption.IPV6_V6ONLY_VALUE))) {
			assertThatThrownBy(() -> connect("127.0.0.1", s.port())).isInstanceOf(IOException.class);
			assertThat(connect("::1", s.port())).isTrue();
		}
	}

	@Test
	void modifyWithoutValueServesBothFamilies() throws Exception {
		assumeIpv6Loopback();
		try (TestServer s = TestServer.start((v) -> v.iface(null).options(ServerOption.IPV6_V6ONLY_MODIFY))) {
			assertThat(connect("127.0.0.1", s.port())).isTrue();
			assertThat(connect("::1", s.port())).isTrue();
		}
	}

	private static boolean connect(String host, int port) throws IOException {
		try (Socket sock = new Socket()) {
			sock.connect(new InetSocketAddress(InetAddress.getByName(host), port), 2000);
			return sock.isConnected();
		}
	}

	private static void assumeIpv6Loopback() {
		boolean v6;
		try (Socket probe = new Socket()) {
			probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
			v6 = probe.getLocalAddress() instanceof Inet6Address;
		}
		catch (IOException ex) {
			v6 = false;
		}
		Assumptions.assumeTrue(v6, "this host has no IPv6 loopback");
	}

}
