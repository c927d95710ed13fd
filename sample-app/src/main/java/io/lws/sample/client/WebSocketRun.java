package io.lws.sample.client;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.lws.core.CloseStatus;
import io.lws.core.Lws;

/**
 * The two WebSocket connections of a {@code ws://} run and when it is over: any connection error or a close the client
 * did not start fails the run; with {@code --once}, once an increment and the client's own first circle have come
 * back, both connections are closed (1000) and the run succeeds when both have closed. Used on the context's single
 * service thread only (the outcome is read by the main thread through {@link Outcome}).
 */
final class WebSocketRun {

	private final Outcome outcome;

	private final PrintStream out;

	private final boolean once;

	private final List<Lws> open = new ArrayList<>();

	private int increments;

	private int echoes;

	private boolean closing;

	WebSocketRun(Outcome outcome, PrintStream out, boolean once) {
		this.outcome = outcome;
		this.out = out;
		this.once = once;
	}

	/** {@code CLIENT_ESTABLISHED} of one of the connections. */
	void established(String protocol, Lws wsi) {
		this.open.add(wsi);
		this.out.println(protocol + ": established");
	}

	/** {@code CLIENT_CONNECTION_ERROR} of one of the connections. */
	void connectionError(String protocol, String reason) {
		this.outcome.fail(protocol + ": " + reason);
		closeAll();
	}

	/** A number from {@code dumb-increment-protocol}. */
	void increment(String number) {
		this.out.println("dumb-increment-protocol: " + number);
		this.increments++;
		finishIfRoundDone();
	}

	/** A message relayed by {@code lws-mirror-protocol}; {@code own} when it is the circle this client sent last. */
	void mirrored(String message, boolean own) {
		this.out.println("lws-mirror-protocol: " + message);
		if (own) {
			this.echoes++;
			finishIfRoundDone();
		}
	}

	/** Whether the client is closing its connections: writeable callbacks then close. */
	boolean closing() {
		return this.closing;
	}

	/** {@code CLIENT_CLOSED}: {@code peerClose} says how the server closed, or is {@code null}. */
	void closed(String protocol, Lws wsi, String peerClose) {
		this.open.remove(wsi);
		if (!this.closing) {
			this.outcome.fail(protocol + ": the connection closed early"
					+ ((peerClose != null) ? " (the server closed it with " + peerClose + ")" : ""));
			closeAll();
			return;
		}
		if (this.open.isEmpty()) {
			this.out.println("done: " + this.increments + " increments, " + this.echoes + " circles mirrored back");
			this.outcome.succeed();
		}
	}

	private void finishIfRoundDone() {
		if (this.once && !this.closing && this.increments > 0 && this.echoes > 0) {
			closeAll();
		}
	}

	/** Closes every open connection with 1000 from its next writeable callback. */
	private void closeAll() {
		this.closing = true;
		for (Lws wsi : List.copyOf(this.open)) {
			wsi.closeReason(CloseStatus.NORMAL, "done");
			wsi.callbackOnWritable();
		}
	}

}
