package io.lws.spring.boot.autoconfigure;

import io.lws.core.VhostCreationInfo;

/**
 * Changes a vhost's creation info before the vhost is created: the last word on the {@code VHOST:} members of
 * libwebsockets' {@code struct lws_context_creation_info} before {@code lws_create_vhost}. Beans of this type are
 * applied to every vhost of the lws server (not the management server) in {@code @Order} order, after the
 * {@code lws.vhosts.<name>.*} properties.
 */
@FunctionalInterface
public interface LwsVhostCustomizer {

	/**
	 * Customizes one vhost about to be created.
	 * @param vhostName the vhost's name (the key under {@code lws.vhosts})
	 * @param builder the builder, already filled from the properties
	 */
	void customize(String vhostName, VhostCreationInfo.Builder builder);

}
