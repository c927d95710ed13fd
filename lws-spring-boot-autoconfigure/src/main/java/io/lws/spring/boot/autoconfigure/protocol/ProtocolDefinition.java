package io.lws.spring.boot.autoconfigure.protocol;

import java.util.List;
import java.util.function.Function;

import io.lws.core.LwsProtocol;

/**
 * One protocol the application offers: a future entry of a vhost's {@code struct lws_protocols} array, before it is
 * made for a particular vhost.
 *
 * @param name the protocol name ({@code name})
 * @param source where it comes from, for messages (a bean name, or "built-in")
 * @param vhosts the vhosts it goes to when they list no protocols; empty for all
 * @param order its place among the protocols of a vhost that lists none (lower first)
 * @param factory makes the protocol for one vhost, given the vhost's name
 */
public record ProtocolDefinition(String name, String source, List<String> vhosts, int order,
		Function<String, LwsProtocol<?>> factory) {

	/**
	 * Whether a vhost that lists no protocols gets this one.
	 * @param vhost the vhost name
	 * @return {@code true} when {@link #vhosts()} is empty or names it
	 */
	public boolean appliesTo(String vhost) {
		return this.vhosts.isEmpty() || this.vhosts.contains(vhost);
	}

	/**
	 * Makes the protocol for one vhost.
	 * @param vhost the vhost name
	 * @return the protocol to hand to {@code VhostCreationInfo.Builder.protocols}
	 */
	public LwsProtocol<?> create(String vhost) {
		return this.factory.apply(vhost);
	}

}
