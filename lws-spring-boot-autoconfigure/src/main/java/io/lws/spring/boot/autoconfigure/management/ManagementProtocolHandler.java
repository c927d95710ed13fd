package io.lws.spring.boot.autoconfigure.management;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.lws.core.HeaderToken;
import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import org.jspecify.annotations.Nullable;

/**
 * The management vhost's only protocol, {@value #NAME}. Its {@code LWS_CALLBACK_HTTP} copies the request out of the
 * header buffer and hands it to an executor, because endpoint operations (health checks) may block; when the answer
 * is ready it asks for {@code LWS_CALLBACK_HTTP_WRITEABLE} ({@code lws_callback_on_writable}, safe from any thread)
 * and writes it there, on the service thread, the lws way. Only GET and HEAD are served (405 otherwise).
 */
final class ManagementProtocolHandler implements LwsProtocolHandler<ManagementProtocolHandler.Exchange> {

	/** The protocol name. */
	static final String NAME = "lws-management";

	private final EndpointDispatcher dispatcher;

	private final Executor executor;

	ManagementProtocolHandler(EndpointDispatcher dispatcher, Executor executor) {
		this.dispatcher = dispatcher;
		this.executor = executor;
	}

	@Override
	public Exchange newSession(Lws wsi) {
		return new Exchange();
	}

	@Override
	public int onHttp(Lws wsi, Exchange exchange, String uri) {
		String method = wsi.httpMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			exchange.response = ManagementResponse.error(405, "Method Not Allowed");
			return respond(wsi, exchange);
		}
		ManagementRequest request = new ManagementRequest(uri, query(wsi), accept(wsi));
		try {
			this.executor.execute(() -> {
				exchange.response = this.dispatcher.handle(request);
				wsi.callbackOnWritable();
			});
		}
		catch (RejectedExecutionException ex) {
			exchange.response = ManagementResponse.error(503, "Service Unavailable");
			return respond(wsi, exchange);
		}
		return 0;
	}

	@Override
	public int onHttpWriteable(Lws wsi, @Nullable Exchange exchange) {
		if (exchange == null || exchange.response == null) {
			return 0;
		}
		return respond(wsi, exchange);
	}

	private static int respond(Lws wsi, Exchange exchange) {
		ManagementResponse response = exchange.response;
		exchange.response = null;
		HttpHeaders head = HttpHeaders.status(response.status()).contentLength(response.body().length);
		if (response.contentType() != null) {
			head.contentType(response.contentType());
		}
		head.add("cache-control", "no-store");
		wsi.write(head.toByteBuffer(wsi), WriteProtocol.HTTP_HEADERS);
		wsi.write(ByteBuffer.wrap(response.body()), WriteProtocol.HTTP_FINAL);
		return wsi.httpTransactionCompleted() ? -1 : 0;
	}

	private static Map<String, List<String>> query(Lws wsi) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		for (int i = 0;; i++) {
			String argument = wsi.hdrFragment(HeaderToken.HTTP_URI_ARGS, i);
			if (argument == null) {
				return query;
			}
			int eq = argument.indexOf('=');
			String name = (eq >= 0) ? argument.substring(0, eq) : argument;
			String value = (eq >= 0) ? argument.substring(eq + 1) : "";
			query.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
	}

	private static List<String> accept(Lws wsi) {
		String accept = wsi.hdrCopy(HeaderToken.HTTP_ACCEPT);
		List<String> values = new ArrayList<>();
		if (accept != null) {
			for (String part : accept.split(",")) {
				if (!part.isBlank()) {
					values.add(part.trim());
				}
			}
		}
		return values;
	}

	/** One HTTP transaction's state ({@code per_session_data_size}): the answer once it is ready. */
	static final class Exchange {

		volatile @Nullable ManagementResponse response;

	}

}
