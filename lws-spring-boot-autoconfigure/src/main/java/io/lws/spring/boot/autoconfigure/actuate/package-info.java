/**
 * Actuator support: the {@code lws} endpoint (vhosts with listen address, protocols and connection counts, mounts,
 * the header "ah" pool, the service threads) and the {@code lws} health indicator. Read-only views of
 * {@code struct lws_context}; no payloads or client addresses.
 */
@NullMarked
package io.lws.spring.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
