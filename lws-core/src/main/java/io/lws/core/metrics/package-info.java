/**
 * The metrics recorder SPI: what the engine reports (connections, bytes, messages, handshakes, closes, timeouts,
 * header pool waits), with no dependency on a metrics library. The Spring layer binds it to Micrometer.
 */
package io.lws.core.metrics;
