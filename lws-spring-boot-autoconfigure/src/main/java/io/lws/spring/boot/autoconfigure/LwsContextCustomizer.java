package io.lws.spring.boot.autoconfigure;

import io.lws.core.ContextCreationInfo;

/**
 * Changes the context's creation info before the context is created: the last word on the {@code CONTEXT:} members
 * of libwebsockets' {@code struct lws_context_creation_info} before {@code lws_create_context}. Beans of this type are
 * applied in {@code @Order} order, after the {@code lws.*} properties.
 */
@FunctionalInterface
public interface LwsContextCustomizer {

	/**
	 * Customizes the context about to be created.
	 * @param builder the builder, already filled from the {@code lws.*} properties
	 */
	void customize(ContextCreationInfo.Builder builder);

}
