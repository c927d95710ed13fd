package io.lws.spring.boot.autoconfigure.server;

/** Where a failing vhost's settings live, for the failure reports to name the key to change. */
final class VhostKeys {

	private VhostKeys() {
	}

	/**
	 * The properties prefix of a vhost: {@code lws.management} for the management server's, else
	 * {@code lws.vhosts.<vhost>}.
	 */
	static String prefix(String server, String vhost) {
		return isManagement(server) ? "lws.management" : "lws.vhosts." + vhost;
	}

	static boolean isManagement(String server) {
		return "management".equals(server);
	}

}
