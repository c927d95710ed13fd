/**
 * Mounts and safe file access: libwebsockets' {@code struct lws_http_mount}, {@code lws_find_mount()}, the
 * {@code LWSMPRO_FILE} path rules of {@code lws_http_serve()}, its mimetype table, its ETag and
 * {@code cache-control} rules, and {@code struct lws_plat_file_ops}.
 * <p>
 * Everything here is pure logic plus file-system or class-path reads; nothing touches a socket. The HTTP server asks
 * a vhost's {@link io.lws.core.mount.MountTable} which {@link io.lws.core.mount.Mount} a request hits, lets
 * {@link io.lws.core.mount.FileResolver} open the file through the mount's {@link io.lws.core.mount.FileOps}, and
 * builds its response headers with {@link io.lws.core.mount.MimeTypes} and {@link io.lws.core.mount.HttpCaching}.
 * <p>
 * Where libwebsockets 4.1.6 does something we chose not to copy, the class that decides says so: unknown file
 * extensions are served as {@code application/octet-stream} unless a mount asks for the 415 of libwebsockets, the
 * longest mountpoint always wins (libwebsockets lets a callback mount win regardless of length), ETags are quoted as
 * RFC 9110 requires, and symbolic links that leave a file mount's directory are refused unless the mount allows them.
 */
package io.lws.core.mount;
