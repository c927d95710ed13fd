package io.lws.core;

/**
 * A snapshot of the header buffer ("ah") pool across all service threads.
 *
 * @param size header buffers in all ({@code max_http_header_pool})
 * @param inUse buffers held by connections
 * @param waiting connections waiting for a buffer
 * @param dataSize bytes in each buffer ({@code max_http_header_data})
 */
public record HeaderPoolStats(int size, int inUse, int waiting, int dataSize) {
}
