/**
 * From {@code lws.*} properties to libwebsockets' creation info: {@code struct lws_context_creation_info} (context
 * and vhost halves) and {@code struct lws_http_mount}, with the start-up checks that name the bad key.
 */
@NullMarked
package io.lws.spring.boot.autoconfigure.config;

import org.jspecify.annotations.NullMarked;
