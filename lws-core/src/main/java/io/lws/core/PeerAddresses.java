package io.lws.core;

/**
 * The peer's name and address: the Java form of {@code lws_get_peer_addresses}' two out-buffers.
 *
 * @param name the host name from a reverse lookup, or the address when the lookup fails; "" when unknown
 * @param ip the IP address as text; "" when unknown
 */
public record PeerAddresses(String name, String ip) {
}
