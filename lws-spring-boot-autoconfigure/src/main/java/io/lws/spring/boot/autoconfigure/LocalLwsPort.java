package io.lws.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Value;

/**
 * Injects the port the first vhost actually listens on ({@code lws_get_vhost_listen_port} of the first vhost), from
 * the {@code local.lws.port} property published once the server has started. Meant for tests that set
 * {@code lws.vhosts.<name>.port=0}; other vhosts are in {@code local.lws.<vhost>.port} and the management server in
 * {@code local.lws.management.port}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Value("${local.lws.port}")
public @interface LocalLwsPort {

}
