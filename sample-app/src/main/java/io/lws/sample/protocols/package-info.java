/**
 * The protocols of libwebsockets' test server, rebuilt on lws-core: {@code dumb-increment-protocol},
 * {@code lws-mirror-protocol}, {@code lws-status}, {@code protocol-post-demo} and an {@code echo} protocol for
 * conformance and load runs.
 */
package io.lws.sample.protocols;
