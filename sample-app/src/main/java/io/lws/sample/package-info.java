/**
 * The sample application: libwebsockets' test server on lws for Spring Boot.
 */
package io.lws.sample;
