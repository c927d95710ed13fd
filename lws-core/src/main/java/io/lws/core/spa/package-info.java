/**
 * HTML form bodies read as they stream in: libwebsockets' {@code lws_spa} ("stateful POST arguments",
 * {@code lib/roles/http/server/lws-spa.c} and {@code include/libwebsockets/lws-spa.h}).
 * <p>
 * An application that takes a form creates a {@link io.lws.core.spa.Spa} from a {@link io.lws.core.spa.SpaConfig}
 * (the names it wants and the limits), the request's {@code Content-Type} and an optional
 * {@link io.lws.core.spa.FileUploadListener}; feeds it every {@code LWS_CALLBACK_HTTP_BODY} piece; calls
 * {@link io.lws.core.spa.Spa#finish()} at {@code LWS_CALLBACK_HTTP_BODY_COMPLETION}; reads the values; and closes
 * it. A refused body raises a {@link io.lws.core.spa.SpaException} naming the status to answer (400, or 413 for a
 * limit). File parts reach the listener as {@link io.lws.core.spa.FileUploadState} events.
 * <p>
 * Where this differs from libwebsockets 4.1.6, on purpose: a value is also capped on its own, not only by the
 * shared storage; the first occurrence of a name wins; a cut value is flagged rather than silently short; a
 * malformed percent-escape, part header or boundary line refuses the body; the multipart body must end with its
 * closing boundary; {@code CLOSE} also marks a file abandoned mid-way, not only one still open at destroy time; and
 * the number of parts and the size of part headers are bounded.
 * <p>
 * The package-private classes each do one step: {@code FormContentType} and {@code HeaderValue} read the
 * {@code Content-Type} and {@code Content-Disposition} headers; {@code UrlencodedParser} and
 * {@code MultipartParser} are the two {@code BodyParser}s; the multipart one finds boundaries with
 * {@code DelimiterScanner}, reads part headers with {@code PartHeaderReader} into a {@code ContentDisposition}, and
 * sends content to a {@code PartSink}: {@code ValuePart} or {@code FilePart}. {@code ParamNames} and
 * {@code ValueStore} hold the wanted names and their bounded values; {@code Utf8Tail} and {@code FormChars} are
 * byte helpers.
 * <p>
 * Everything here is confined to one thread at a time and does no I/O of its own.
 */
package io.lws.core.spa;
