/**
 * The WebSocket extension mechanism (RFC 6455 section 9), shaped like libwebsockets' {@code struct lws_extension} and
 * its {@code LWS_EXT_CB_*} callback reasons.
 * <p>
 * {@link io.lws.core.ext.LwsExtension} is the SPI: a name, option descriptors ({@code lws_ext_options}), a client
 * offer, and one typed method per reason ({@link io.lws.core.ext.ExtensionCallbackReason}) with a per-connection
 * state type. {@link io.lws.core.ext.ExtensionHeader} reads and writes {@code Sec-WebSocket-Extensions};
 * {@link io.lws.core.ext.ExtensionNegotiator} chooses among a client's offers on a server (asking the protocol's
 * {@code CONFIRM_EXTENSION_OKAY}) and builds and checks a client's offer ({@code CLIENT_CONFIRM_EXTENSION_SUPPORTED});
 * {@link io.lws.core.ext.ActiveExtension} drives the payload callbacks of the extension negotiated on a connection.
 * <p>
 * The one extension shipped is permessage-deflate (RFC 7692), in {@code io.lws.core.ext.pmd}.
 */
package io.lws.core.ext;
