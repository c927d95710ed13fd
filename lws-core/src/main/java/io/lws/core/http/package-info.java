/**
 * HTTP/1.1 request heads and bodies without sockets or threads: libwebsockets' {@code lib/roles/http/parsers.c}
 * and the header parts of {@code lib/roles/http/server/server.c} and {@code header.c}.
 * <p>
 * {@link io.lws.core.http.HeaderTable} is lws' "allocated headers" ({@code struct allocated_headers}, the {@code ah}):
 * one fixed byte buffer and fragment table per connection that is parsing or serving a request, reused request
 * after request, holding the incremental parse state of the request head (RFC 9112 sections 2 to 6) and answering
 * the {@code lws_hdr_*()} queries; a refused head names a {@link io.lws.core.http.RequestError} with the status to
 * answer. {@link io.lws.core.http.ChunkedBodyDecoder} decodes a chunked request body (RFC 9112 section 7.1), which
 * libwebsockets itself does not support, into a {@link io.lws.core.http.BodySink}. Both return a
 * {@link io.lws.core.http.ParseResult}. {@link io.lws.core.http.HttpStatus} carries the reason phrases of RFC 9110
 * section 15.
 * <p>
 * The package-private classes each do one step: {@code FragmentStore} is the buffer and fragment table,
 * {@code RequestLineReader}, {@code RequestTargetDecoder}, {@code PathDecoder} and {@code QueryDecoder} read the
 * request line, {@code HeaderLineReader} a header line, {@code MessageFraming} checks Host, Content-Length and
 * Transfer-Encoding at the end of the head, {@code TokenLookup}, {@code TokenList} and {@code HttpChars} match
 * bytes without creating Strings.
 * <p>
 * Everything here is confined to one thread at a time (the connection's service thread) and does no I/O: the
 * caller reads the socket and hands the bytes in.
 */
package io.lws.core.http;
