/**
 * Micrometer meters for lws: the engine's {@code MetricsRecorder} SPI bound to {@code lws.*} meters, and gauges over
 * the context's live state (connections, the header "ah" pool of {@code max_http_header_pool}, service threads).
 */
@NullMarked
package io.lws.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
