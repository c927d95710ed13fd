package io.lws.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Declares a bean as an lws protocol: one entry of libwebsockets' {@code struct lws_protocols} array. The bean
 * implements {@link io.lws.core.LwsProtocolHandler LwsProtocolHandler&lt;S&gt;} and is the protocol's
 * {@code callback}: every callback reason reaches it, and its {@code newSession} creates the per-session state
 * ({@code per_session_data_size}) for each connection.
 * <pre class="code">
 * &#64;LwsProtocol(name = "echo", rxBufferSize = 4096)
 * class Echo implements LwsProtocolHandler&lt;Void&gt; {
 *     public int onReceive(Lws wsi, Void s, ByteBuffer in) { ... }
 * }
 * </pre>
 * A vhost serves the protocols named in {@code lws.vhosts.<name>.protocols}, in that order; a vhost that names none
 * serves every protocol bean whose {@link #vhosts()} is empty or names it, ordered by {@code @Order}. The first
 * protocol of a vhost also gets the HTTP callbacks, as in libwebsockets. Protocol names must be unique.
 * <p>
 * This is a {@link Component @Component} stereotype, so component scanning finds it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface LwsProtocol {

	/**
	 * The protocol name ({@code name} in {@code struct lws_protocols}): what clients ask for in
	 * {@code Sec-WebSocket-Protocol}, and what {@code lws.vhosts.<name>.protocols} lists.
	 * @return the name, an HTTP token
	 */
	String name();

	/**
	 * {@code rx_buffer_size}: the largest piece of a message delivered to one {@code RECEIVE} callback; 0 means 4096.
	 * @return the size in bytes
	 */
	int rxBufferSize() default 0;

	/**
	 * Deliver each WebSocket message whole, in one receive callback, up to this many bytes (larger messages close
	 * the connection with 1009); 0 keeps libwebsockets' delivery in {@code rx_buffer_size} pieces.
	 * @return the largest whole message in bytes, or 0
	 */
	int wholeMessages() default 0;

	/**
	 * Whether this protocol's text messages and close reasons must be UTF-8 (an lws-java option; libwebsockets decides
	 * it per vhost with {@code LWS_SERVER_OPTION_VALIDATE_UTF8}). True by default: text that is not UTF-8 fails the
	 * connection with 1007, as RFC 6455 8.1 asks. False passes this protocol's text through as sent while the vhost's
	 * other protocols keep validating; a vhost with the {@code disable-utf8-validation} option validates for none.
	 * @return false to pass text through unchecked
	 */
	boolean validateUtf8() default true;

	/**
	 * {@code id}: ignored by lws, for the application (for example a protocol version).
	 * @return the id
	 */
	int id() default 0;

	/**
	 * The vhosts that get this protocol when their {@code protocols} list is not configured; empty means all of them.
	 * Vhosts that list their protocols explicitly ignore this.
	 * @return vhost names
	 */
	String[] vhosts() default {};

	/**
	 * The bean name, as for {@link Component#value()}.
	 * @return the bean name, or empty to derive one
	 */
	@AliasFor(annotation = Component.class)
	String value() default "";

}
