/**
 * libwebsockets' logging ({@code lws_set_log_level}, {@code lwsl_*}, {@code lwsl_timestamp}) on top of SLF4J.
 */
package io.lws.core.log;
