package io.lws.spring.boot.autoconfigure.server;

import io.lws.core.LwsException;

/**
 * A vhost could not bind its listen port: libwebsockets' {@code lws_create_vhost} failing with
 * {@code LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND}. Explained by {@link LwsPortInUseFailureAnalyzer}.
 */
public class LwsPortInUseException extends LwsException {

	private static final long serialVersionUID = 1L;

	private final String server;

	private final String vhost;

	private final int port;

	/**
	 * An exception naming the vhost and port.
	 * @param server the server's name ({@code lws} or {@code management})
	 * @param vhost the vhost name
	 * @param port the port asked for
	 * @param cause what the engine reported
	 */
	public LwsPortInUseException(String server, String vhost, int port, Throwable cause) {
		super("Vhost '" + vhost + "' of the " + server + " server cannot listen on port " + port + ": "
				+ cause.getMessage(), cause);
		this.server = server;
		this.vhost = vhost;
		this.port = port;
	}

	/**
	 * The server's name.
	 * @return {@code lws} or {@code management}
	 */
	public String getServer() {
		return this.server;
	}

	/**
	 * The vhost that could not listen.
	 * @return its name
	 */
	public String getVhost() {
		return this.vhost;
	}

	/**
	 * The port asked for.
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

}
