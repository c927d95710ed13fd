/**
 * The server's life: creating libwebsockets' context and vhosts when the application context is refreshed
 * ({@code lws_create_context}, {@code lws_create_vhost}), graceful shutdown and {@code lws_context_destroy}, the
 * ports published for tests, and the report when a port cannot be bound.
 */
@NullMarked
package io.lws.spring.boot.autoconfigure.server;

import org.jspecify.annotations.NullMarked;
