package io.lws.core;

import java.net.SocketAddress;
import java.util.List;
import java.util.Map;

import io.lws.core.mount.Mount;

/**
 * A virtual host: libwebsockets' {@code struct lws_vhost}, with its protocols, mounts and options. Several vhosts may
 * share a listen port; the Host header chooses among them.
 */
public interface LwsVhost {

	/** {@code lws_get_vhost_name}: the vhost's name. */
	String name();

	/** The context this vhost belongs to. */
	LwsContext context();

	/** The info the vhost was created from. */
	VhostCreationInfo info();

	/** {@code lws_get_vhost_listen_port}: the bound port (useful after asking for port 0), or -1 for none. */
	int listenPort();

	/** The bound address (an {@code InetSocketAddress} or a UNIX domain address), or {@code null} for none. */
	SocketAddress listenAddress();

	/** The vhost's protocols, in order. */
	List<LwsProtocol<?>> protocols();

	/** {@code lws_vhost_name_to_protocol}: the protocol called {@code name}, or {@code null}. */
	LwsProtocol<?> protocol(String name);

	/** The per-vhost options ({@code pvo}) given for {@code protocolName}; empty when none. */
	Map<String, String> protocolOptions(String protocolName);

	/** The vhost's mounts. */
	List<Mount> mounts();

	/**
	 * {@code lws_callback_on_writable_all_protocol_vhost}: asks for a writeable callback on every connection of this
	 * vhost bound to {@code protocol}. Safe from any thread.
	 */
	void callbackOnWritableAllProtocol(LwsProtocol<?> protocol);

	/**
	 * {@code lws_callback_all_protocol_vhost}: calls {@code protocol}'s callback with {@code reason} for each of its
	 * connections on this vhost, each on its own service thread. Safe from any thread; returns once the calls are
	 * queued (made at once for connections of the calling service thread).
	 */
	void callbackAllProtocol(LwsProtocol<?> protocol, CallbackReason reason);

	/** The number of open connections on this vhost. */
	int connectionCount();

	/**
	 * Replaces the vhost's TLS key material (a renewed certificate) for connections accepted from now on; those
	 * already open keep their session. Safe from any thread.
	 * @param keyManagers the new server key and chain
	 * @param trustManagers the new client-certificate trust, or null to keep the configured one
	 * @throws IllegalStateException when the vhost does not serve TLS
	 * @throws io.lws.core.tls.TlsConfigException when the material cannot be used (the old one stays)
	 */
	default void updateSslManagers(javax.net.ssl.KeyManager[] keyManagers, javax.net.ssl.TrustManager[] trustManagers) {
		throw new UnsupportedOperationException("updateSslManagers");
	}

	/**
	 * {@code lws_init_vhost_client_ssl}: gives the vhost's client connections new TLS material (CAs to trust, a
	 * client certificate, a cipher list, or a ready {@code SSLContext}). Connections made from now on use it; those
	 * already open keep their session. Safe from any thread.
	 * @param clientSsl the material; null goes back to the JVM's CAs and no client certificate
	 * @throws io.lws.core.tls.TlsConfigException when a file cannot be read or does not fit (the old material stays)
	 */
	default void initVhostClientSsl(io.lws.core.tls.ClientSslInfo clientSsl) {
		throw new UnsupportedOperationException("initVhostClientSsl");
	}

	/**
	 * {@code lws_set_proxy}: the HTTP proxy this vhost's client connections tunnel through with {@code CONNECT},
	 * {@code [user:password@]host:port} (an {@code http://} prefix is allowed); {@code null} or blank for none.
	 * @throws IllegalArgumentException when the text is not of that form
	 */
	void setProxy(String proxy);

}
