/**
 * The management server: actuator's web endpoints served by a small lws context of its own (one vhost, one service
 * thread, its own header pool) for applications without a servlet or reactive web server. Its protocol's
 * {@code LWS_CALLBACK_HTTP} maps GET requests onto Boot's {@code WebOperation}s.
 */
@NullMarked
package io.lws.spring.boot.autoconfigure.management;

import org.jspecify.annotations.NullMarked;
