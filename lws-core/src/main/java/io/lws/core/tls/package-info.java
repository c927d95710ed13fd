/**
 * TLS for lws-core, through {@link javax.net.ssl.SSLEngine}: libwebsockets' {@code lib/tls} on the JVM.
 * <ul>
 * <li>{@link io.lws.core.tls.Transport} is what a connection reads and writes through:
 * {@link io.lws.core.tls.PlainTransport} or {@link io.lws.core.tls.TlsTransport} (server and client mode, handshake,
 * delegated tasks off the service thread, records split anywhere, close_notify, no TLS 1.2 renegotiation).</li>
 * <li>{@link io.lws.core.tls.TlsServerContext} builds a vhost's server TLS from its {@code ssl_*} settings
 * ({@code lws_context_init_server_ssl}); {@link io.lws.core.tls.VhostClientTls} is a vhost's client side
 * ({@code lws_init_vhost_client_ssl} from a {@link io.lws.core.tls.ClientSslInfo}), with a
 * {@link io.lws.core.tls.TlsClientContext} per {@code ssl_connection} combination
 * ({@link io.lws.core.tls.TlsClientOption}) whose server check says why it refuses.</li>
 * <li>{@link io.lws.core.tls.ClientHelloSniffer} looks at the first bytes on a TLS port: TLS or not, and the SNI
 * name (RFC 6066 section 3).</li>
 * <li>{@link io.lws.core.tls.PemFiles} and {@link io.lws.core.tls.KeyStoreFile} read key material;
 * {@link io.lws.core.tls.OpenSslNames} translates OpenSSL cipher lists and curve names;
 * {@link io.lws.core.tls.CertificateGenerator} makes certificates (RFC 5280) with JDK APIs only.</li>
 * <li>{@link io.lws.core.tls.TlsServerSetup}, {@link io.lws.core.tls.TlsClientSetup},
 * {@link io.lws.core.tls.ClientCertificateCheck} and {@link io.lws.core.tls.ServerCertificateCheck} are what the
 * {@code OPENSSL_*} callback reasons receive instead of OpenSSL's objects.</li>
 * </ul>
 */
package io.lws.core.tls;
