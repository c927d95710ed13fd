package io.lws.core.mount;

/**
 * What a mount hands its requests to: libwebsockets' {@code enum lws_mount_protocols} ({@code LWSMPRO_*}), the
 * {@code origin_protocol} of a {@code struct lws_http_mount}, with the same numbers.
 * <p>
 * The reverse proxies ({@link #HTTP}, {@link #HTTPS}) and {@link #CGI} are declared so that configurations can name
 * them, but the engine does not implement them yet: a vhost with such a mount is refused when it is created (see
 * {@link #isServedByEngine()}), rather than failing on the first request.
 */
public enum MountOrigin {

	/** {@code LWSMPRO_HTTP}: reverse proxy to an http:// origin. Not implemented; refused at vhost creation. */
	HTTP(0),
	/** {@code LWSMPRO_HTTPS}: reverse proxy to an https:// origin. Not implemented; refused at vhost creation. */
	HTTPS(1),
	/** {@code LWSMPRO_FILE}: serve files from a directory or a class-path location. */
	FILE(2),
	/** {@code LWSMPRO_CGI}: run the origin as a CGI program. Not implemented; refused at vhost creation. */
	CGI(3),
	/** {@code LWSMPRO_REDIR_HTTP}: answer every request with a 301 to {@code http://} plus the origin. */
	REDIR_HTTP(4),
	/** {@code LWSMPRO_REDIR_HTTPS}: answer every request with a 301 to {@code https://} plus the origin. */
	REDIR_HTTPS(5),
	/** {@code LWSMPRO_CALLBACK}: hand the request to the protocol the origin names, as {@code LWS_CALLBACK_HTTP}. */
	CALLBACK(6);

	private final int value;

	MountOrigin(int value) {
		this.value = value;
	}

	/**
	 * The number libwebsockets gives this origin protocol ({@code LWSMPRO_*}).
	 * @return the C enum value
	 */
	public int value() {
		return this.value;
	}

	/**
	 * The origin protocol libwebsockets numbers {@code value}.
	 * @param value an {@code LWSMPRO_*} number
	 * @return the matching constant
	 * @throws IllegalArgumentException if no constant has that number (such as 4.x main's {@code LWSMPRO_NO_MOUNT})
	 */
	public static MountOrigin fromValue(int value) {
		for (MountOrigin origin : values()) {
			if (origin.value == value) {
				return origin;
			}
		}
		throw new IllegalArgumentException("No mount origin protocol has the value " + value + ".");
	}

	/**
	 * Whether this is one of the two redirect origins.
	 * @return {@code true} for {@link #REDIR_HTTP} and {@link #REDIR_HTTPS}
	 */
	public boolean isRedirect() {
		return this == REDIR_HTTP || this == REDIR_HTTPS;
	}

	/**
	 * Whether the engine can serve a mount of this kind today. The others exist only so a configuration naming them
	 * gets a clear refusal at vhost creation.
	 * @return {@code false} for {@link #HTTP}, {@link #HTTPS} and {@link #CGI}
	 */
	public boolean isServedByEngine() {
		return this != HTTP && this != HTTPS && this != CGI;
	}

	/**
	 * Whether a mount of this kind hears every request method. libwebsockets' {@code lws_find_mount()} lets callback
	 * and CGI mounts match any method, and the others only GET, POST and HEAD.
	 * @return {@code true} for {@link #CALLBACK} and {@link #CGI}
	 */
	public boolean matchesAnyMethod() {
		return this == CALLBACK || this == CGI;
	}

}
