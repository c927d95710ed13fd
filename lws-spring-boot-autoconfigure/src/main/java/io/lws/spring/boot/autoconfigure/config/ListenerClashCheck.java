package io.lws.spring.boot.autoconfigure.config;

import java.util.List;
import java.util.Objects;

import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import org.jspecify.annotations.Nullable;

/**
 * Refuses vhosts whose listeners cannot coexist. As in libwebsockets, vhosts on the same port and interface share one
 * listen socket (the Host header chooses among them); the same port on all interfaces and on one interface cannot
 * both be bound; and one listen socket is either TLS or plain, so vhosts sharing it must agree.
 */
final class ListenerClashCheck {

	private ListenerClashCheck() {
	}

	/** Throws naming the second vhost of the first clashing pair. */
	static void check(List<VhostCreationInfo> vhosts) {
		for (int i = 0; i < vhosts.size(); i++) {
			VhostCreationInfo a = vhosts.get(i);
			for (int j = i + 1; j < vhosts.size(); j++) {
				VhostCreationInfo b = vhosts.get(j);
				if (clash(a, b)) {
					throw new InvalidLwsConfigurationException("lws.vhosts." + b.name() + ".port",
							"port " + b.port() + " on " + where(b.iface()) + " clashes with vhost '" + a.name()
									+ "' on port " + a.port() + " on " + where(a.iface()),
							"Give both vhosts the same iface to share one listen socket, or use another port.");
				}
				if (sharesListener(a, b) && a.isTls() != b.isTls()) {
					throw new InvalidLwsConfigurationException("lws.vhosts." + b.name() + ".port",
							"vhost '" + b.name() + "' is " + kind(b) + " but shares port " + b.port() + " with "
									+ kind(a) + " vhost '" + a.name() + "'",
							"Vhosts on one port must all use TLS or none: give vhost '" + b.name()
									+ "' another port, or configure ssl for both.");
				}
			}
		}
	}

	private static boolean clash(VhostCreationInfo a, VhostCreationInfo b) {
		if (a.port() <= 0 || a.port() != b.port() || a.has(ServerOption.UNIX_SOCK) || b.has(ServerOption.UNIX_SOCK)) {
			return false;
		}
		if (Objects.equals(a.iface(), b.iface())) {
			return false;
		}
		return a.iface() == null || b.iface() == null;
	}

	private static boolean sharesListener(VhostCreationInfo a, VhostCreationInfo b) {
		return a.port() > 0 && a.port() == b.port() && !a.has(ServerOption.UNIX_SOCK) && !b.has(ServerOption.UNIX_SOCK)
				&& Objects.equals(a.iface(), b.iface());
	}

	private static String kind(VhostCreationInfo v) {
		return v.isTls() ? "TLS" : "plain";
	}

	private static String where(@Nullable String iface) {
		return (iface != null) ? "'" + iface + "'" : "all interfaces";
	}

}
