package io.lws.sample.client;

import java.io.PrintStream;
import java.nio.ByteBuffer;

import io.lws.core.ClientHandshakeHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;

/**
 * One HTTP client request, like {@code libwebsockets-test-client http://...}: prints {@code HTTP <status>}, then the
 * body as it arrives. A POST says its body is pending in {@code CLIENT_APPEND_HANDSHAKE_HEADER}
 * ({@code lws_client_http_body_pending}) and writes it, whole, as {@code LWS_WRITE_HTTP_FINAL} from
 * {@code CLIENT_HTTP_WRITEABLE}. The run succeeds on a complete 2xx response and fails on a connection error, any other
 * status, or a connection closed before the end of the body. One instance serves one connection, on its service
 * thread.
 */
final class HttpFetch implements LwsProtocolHandler<Object> {

	/** The local protocol name the request is bound to. */
	static final String NAME = "lws-sample-client-http";

	private final Outcome outcome;

	private final PrintStream out;

	/** The request body, or {@code null} for a GET. */
	private final byte[] body;

	private boolean completed;

	HttpFetch(Outcome outcome, PrintStream out, byte[] body) {
		this.outcome = outcome;
		this.out = out;
		this.body = body;
	}

	@Override
	public int onClientConnectionError(Lws wsi, Object session, String reason) {
		this.outcome.fail(reason);
		return 0;
	}

	@Override
	public int onClientAppendHandshakeHeader(Lws wsi, Object session, ClientHandshakeHeaders headers) {
		if (this.body == null) {
			return 0;
		}
		if (!headers.add("content-type", FormBody.CONTENT_TYPE)
				|| !headers.add("content-length", Integer.toString(this.body.length))) {
			this.outcome.fail("no room for the POST headers in the request");
			return -1;
		}
		wsi.clientHttpBodyPending(true);
		wsi.callbackOnWritable();
		return 0;
	}

	@Override
	public int onClientHttpWriteable(Lws wsi, Object session) {
		return (wsi.write(ByteBuffer.wrap(this.body), WriteProtocol.HTTP_FINAL) < 0) ? -1 : 0;
	}

	@Override
	public int onEstablishedClientHttp(Lws wsi, Object session) {
		this.out.println("HTTP " + wsi.httpClientResponse());
		return 0;
	}

	@Override
	public int onReceiveClientHttpRead(Lws wsi, Object session, ByteBuffer in) {
		byte[] piece = new byte[in.remaining()];
		in.get(piece);
		this.out.write(piece, 0, piece.length);
		return 0;
	}

	@Override
	public int onCompletedClientHttp(Lws wsi, Object session) {
		this.completed = true;
		this.out.println();
		this.out.flush();
		int status = wsi.httpClientResponse();
		if (status / 100 == 2) {
			this.outcome.succeed();
		}
		else {
			this.outcome.fail("the server answered HTTP " + status);
		}
		return 0;
	}

	@Override
	public int onClosedClientHttp(Lws wsi, Object session) {
		if (!this.completed) {
			this.outcome.fail("the server closed the connection before the end of the response");
		}
		return 0;
	}

}
