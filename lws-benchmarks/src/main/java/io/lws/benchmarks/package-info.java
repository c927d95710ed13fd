/**
 * JMH benchmarks of lws-core: the WebSocket frame codec, the UTF-8 check, the HTTP request parser and an end-to-end
 * echo over loopback, with and without a metrics recorder, and the same echo with permessage-deflate. Built into
 * {@code target/benchmarks.jar} and run by hand; {@code docs/benchmarks.md} has the commands and the last results.
 */
package io.lws.benchmarks;
