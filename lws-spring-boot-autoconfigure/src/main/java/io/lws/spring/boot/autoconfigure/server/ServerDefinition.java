package io.lws.spring.boot.autoconfigure.server;

import java.util.List;

import io.lws.core.ContextCreationInfo;
import io.lws.core.VhostCreationInfo;

/**
 * Everything needed to start a server: the context's creation info ({@code struct lws_context_creation_info} with
 * {@code LWS_SERVER_OPTION_EXPLICIT_VHOSTS}) and one vhost creation info per {@code lws_create_vhost} call, in order.
 *
 * @param context the context info
 * @param vhosts the vhosts, in creation order
 */
public record ServerDefinition(ContextCreationInfo context, List<VhostCreationInfo> vhosts) {

	/**
	 * A definition; the vhost list is copied.
	 * @param context the context info
	 * @param vhosts the vhosts, in creation order
	 */
	public ServerDefinition {
		vhosts = List.copyOf(vhosts);
	}

}
