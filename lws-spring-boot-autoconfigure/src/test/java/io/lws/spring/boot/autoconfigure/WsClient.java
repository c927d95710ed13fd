package io.lws.spring.boot.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK {@link WebSocket} client recording what arrives, for tests.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

	public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final HttpClient http = HttpClient.newHttpClient();

	public final WebSocket socket;

	public WsClient(int port, String protocol) throws Exception {
		this.socket = this.http.newWebSocketBuilder()
			.subprotocols(protocol)
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), this)
			.get(10, TimeUnit.SECONDS);
	}

	public String echo(String text) throws Exception {
		this.socket.sendText(text, true).get(5, TimeUnit.SECONDS);
		return this.messages.poll(5, TimeUnit.SECONDS);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.messages.add(this.partial.toString());
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closeCode.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closeCode.completeExceptionally(error);
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

}
