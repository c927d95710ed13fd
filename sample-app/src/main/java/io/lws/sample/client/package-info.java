/**
 * The sample app's client mode ({@code --client URL}): what {@code libwebsockets-test-client} does, on lws-core's
 * client role ({@code lws_client_connect_via_info}) and without Spring, so no server port is opened. A {@code ws://}
 * or {@code wss://} URL opens {@code dumb-increment-protocol} and {@code lws-mirror-protocol} connections (which ones
 * the options decide, {@link io.lws.sample.client.WebSocketPlan}) or runs the mirror echo test ({@code --echo}); an
 * {@code http://} or {@code https://} URL makes one GET or form POST. See docs/sample-app.md.
 */
package io.lws.sample.client;
