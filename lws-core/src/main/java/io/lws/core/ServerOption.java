package io.lws.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * Context and vhost options: libwebsockets' {@code LWS_SERVER_OPTION_*} bits, as an enum used in sets. Options with
 * no meaning on the JVM (event-library choices) are accepted and ignored; each constant says what it does here.
 */
public enum ServerOption {

	/** (context) Do not look up the host name for {@link LwsContext#canonicalHostname()}. */
	SKIP_SERVER_CANONICAL_NAME(0x4L),
	/** (vhost) Listen on IPv4 only. */
	DISABLE_IPV6(0x20L),
	/** (vhost, TLS) Do not trust the JVM's default CA certificates (client connections). */
	DISABLE_OS_CA_CERTS(0x40L),
	/** (vhost, TLS) With {@link #REQUIRE_VALID_OPENSSL_CLIENT_CERT}: ask for a client certificate, but accept none. */
	PEER_CERT_NOT_REQUIRED(0x80L),
	/**
	 * (vhost) Validate UTF-8 in WebSocket text messages. Here validation is on by default; see
	 * {@link #DISABLE_UTF8_VALIDATION}.
	 */
	VALIDATE_UTF8(0x100L),
	/** (context) Initialize TLS; always done on demand here, accepted for compatibility. */
	DO_SSL_GLOBAL_INIT(0x1000L),
	/**
	 * (vhost, TLS) Require a client certificate issued by a CA of {@code ssl_ca_filepath} (or the trust store, or
	 * {@code OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS}); each goes to {@code OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION}.
	 */
	REQUIRE_VALID_OPENSSL_CLIENT_CERT(0x1002L),
	/**
	 * (vhost, TLS) Accept plain connections on a TLS port: the first byte tells them apart, and plain HTTP is served
	 * (redirected with {@link #REDIRECT_HTTP_TO_HTTPS}). Without it, plain HTTP there gets a 400 and is closed.
	 */
	ALLOW_NON_SSL_ON_SSL_PORT(0x1008L),
	/** (vhost, TLS) Enable ECDH ciphers; always on with the JDK, accepted for compatibility. */
	SSL_ECDH(0x1200L),
	/**
	 * (vhost) Answer plain HTTP requests with a 301 to {@code https://} + Host + URI: on a plain vhost, or on a TLS port
	 * with {@link #ALLOW_NON_SSL_ON_SSL_PORT}.
	 */
	REDIRECT_HTTP_TO_HTTPS(0x1800L),
	/** (context) Create no vhost with the context; vhosts come from {@link LwsContext#createVhost}. */
	EXPLICIT_VHOSTS(0x2000L),
	/** (vhost) Listen on the UNIX domain socket named by the vhost's interface. */
	UNIX_SOCK(0x4000L),
	/** (vhost) Send {@code Strict-Transport-Security} on every response. */
	STS(0x8000L),
	/**
	 * (vhost) Set {@code IPV6_V6ONLY} on the vhost's IPv6 listen socket to {@link #IPV6_V6ONLY_VALUE}; without it the
	 * JDK's dual-stack default stays. Setting it needs Linux and {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}
	 * (an IPv6-only vhost fails to start without them).
	 */
	IPV6_V6ONLY_MODIFY(0x10000L),
	/** (vhost) With {@link #IPV6_V6ONLY_MODIFY}: IPv6 peers only; without it, IPv4 peers too. */
	IPV6_V6ONLY_VALUE(0x20000L),
	/**
	 * (vhost) Insist that an upgrade's Host header names this vhost and its listen port (80 or 443 when the header
	 * gives none); other upgrades are answered 400 and closed.
	 */
	VHOST_UPG_STRICT_HOST_CHECK(0x8000000L),
	/** (vhost) Fail vhost creation when the port cannot be bound (always the case here). */
	FAIL_UPON_UNABLE_TO_BIND(0x40000000L),
	/** (vhost) Do not validate UTF-8 in WebSocket text messages (validation is on by default). */
	DISABLE_UTF8_VALIDATION(0x400000000L),
	/** (vhost) Refuse files of unknown type with 415, as libwebsockets 4.x does, instead of serving them. */
	REFUSE_UNKNOWN_MIME_TYPES(0x8000000000000000L);

	private final long bits;

	ServerOption(long bits) {
		this.bits = bits;
	}

	/** The C bit value ({@code REFUSE_UNKNOWN_MIME_TYPES} is ours and has the top bit). */
	public long bits() {
		return this.bits;
	}

	/**
	 * Whether this is a context option ({@code lws_create_context} reads it) rather than a vhost one
	 * ({@code lws_create_vhost} reads it): libwebsockets keeps both in one {@code options} word, and an option in the
	 * other's word has no effect.
	 */
	public boolean isContextOption() {
		return this == SKIP_SERVER_CANONICAL_NAME || this == DO_SSL_GLOBAL_INIT || this == EXPLICIT_VHOSTS;
	}

	/** The options whose bits are all set in a C options word. */
	public static Set<ServerOption> fromBits(long bits) {
		Set<ServerOption> set = EnumSet.noneOf(ServerOption.class);
		for (ServerOption option : values()) {
			if ((bits & option.bits) == option.bits) {
				set.add(option);
			}
		}
		return set;
	}

}
