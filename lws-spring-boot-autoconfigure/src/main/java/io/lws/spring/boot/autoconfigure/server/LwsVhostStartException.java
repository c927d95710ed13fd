package io.lws.spring.boot.autoconfigure.server;

import io.lws.core.LwsException;

/**
 * A vhost could not be created for a reason other than its port: {@code lws_create_vhost} refusing a setting only
 * the running engine can check (an interface with no address, a log file that cannot be opened, a UNIX socket
 * path, a proxy address). Explained by {@link LwsVhostStartFailureAnalyzer}, which names the key to fix.
 */
public class LwsVhostStartException extends LwsException {

	private static final long serialVersionUID = 1L;

	private final String server;

	private final String vhost;

	/**
	 * An exception naming the server and vhost.
	 * @param server the server's name ({@code lws} or {@code management})
	 * @param vhost the vhost name
	 * @param cause what the engine reported
	 */
	public LwsVhostStartException(String server, String vhost, LwsException cause) {
		super(cause.getMessage(), cause);
		this.server = server;
		this.vhost = vhost;
	}

	/**
	 * The server's name.
	 * @return {@code lws} or {@code management}
	 */
	public String getServer() {
		return this.server;
	}

	/**
	 * The vhost that could not be created.
	 * @return its name
	 */
	public String getVhost() {
		return this.vhost;
	}

}
