/**
 * Spring Boot auto-configuration for lws: the {@code lws.*} properties, the {@link
 * io.lws.spring.boot.autoconfigure.LwsProtocol @LwsProtocol} stereotype, customizers, the server lifecycle and its
 * events. Sub-packages hold the server, configuration mapping, metrics, actuator and the management server.
 */
@NullMarked
package io.lws.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
