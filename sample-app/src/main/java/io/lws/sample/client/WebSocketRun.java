package io.lws.sample.client;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.lws.core.CloseStatus;
import io.lws.core.Lws;

/**
 * The WebSocket connections of a {@code ws://} run and when it is over: any connection error, echo mismatch or close
 * the client did not start fails the run. It finishes by closing every connection (1000) and succeeds when all have
 * closed: with {@code --once}, once each connection has done its part of a round (a dumb-increment connection has a
 * number, the mirror has its own first circle back); with {@code --echo}, once every byte has come back. Used on the
 * context's single service thread only (the outcome is read by the main thread through {@link Outcome}); the
 * connections are registered before any is made.
 */
final class WebSocketRun {

	private final Outcome outcome;

	private final PrintStream out;

	private final boolean once;

	private final List<WebSocketConnection> connections = new ArrayList<>();

	private final List<WebSocketConnection> open = new ArrayList<>();

	private int increments;

	private int echoes;

	private boolean closing;

	WebSocketRun(Outcome outcome, PrintStream out, boolean once) {
		this.outcome = outcome;
		this.out = out;
		this.once = once;
	}

	/** A connection the run will make, named {@code label} in the output; its session. */
	WebSocketConnection connection(String label) {
		WebSocketConnection c = new WebSocketConnection(label);
		this.connections.add(c);
		return c;
	}

	/** {@code CLIENT_ESTABLISHED} of one of the connections. */
	void established(WebSocketConnection c, Lws wsi) {
		c.established(wsi);
		this.open.add(c);
		this.out.println(c.label() + ": established");
	}

	/**
	 * Fails the run because of what happened on {@code c} ({@code CLIENT_CONNECTION_ERROR}, an echo mismatch, an early
	 * close), and closes the connections.
	 */
	void fail(WebSocketConnection c, String why) {
		this.outcome.fail(c.label() + ": " + why);
		closeAll();
	}

	/** A number from {@code dumb-increment-protocol}. */
	void increment(WebSocketConnection c, String number) {
		this.out.println(c.label() + ": " + number);
		this.increments++;
		c.doneForTheRound();
		finishIfRoundDone();
	}

	/** A message relayed by {@code lws-mirror-protocol}; {@code own} when it is the circle this client sent last. */
	void mirrored(WebSocketConnection c, String message, boolean own) {
		this.out.println(c.label() + ": " + message);
		if (own) {
			this.echoes++;
			c.doneForTheRound();
			finishIfRoundDone();
		}
	}

	/** The echo test has sent its last block. */
	void echoSent(int blocks, int blockSize) {
		this.out.println("send completed: " + blocks + " x " + blockSize);
	}

	/** The echo test has had every byte back, in order: the run is over. */
	void echoedWhole() {
		this.out.println("Everything received: errs 0");
		closeAll();
	}

	/** Whether the client is closing its connections: writeable callbacks then close. */
	boolean closing() {
		return this.closing;
	}

	/** {@code CLIENT_CLOSED} of one of the connections. */
	void closed(WebSocketConnection c) {
		this.open.remove(c);
		if (!this.closing) {
			fail(c, "the connection closed early" + ((c.peerClose() != null)
					? " (the server closed it with " + c.peerClose() + ")" : " (no close frame from the server)"));
			return;
		}
		if (this.open.isEmpty() && !this.outcome.isDecided()) {
			if (this.once) {
				this.out.println("done: " + this.increments + " increments, " + this.echoes + " circles mirrored back");
			}
			this.outcome.succeed();
		}
	}

	private void finishIfRoundDone() {
		if (this.once && !this.closing && this.connections.stream().allMatch(WebSocketConnection::roundDone)) {
			closeAll();
		}
	}

	/** Closes every open connection with 1000 from its next writeable callback. */
	private void closeAll() {
		this.closing = true;
		for (WebSocketConnection c : List.copyOf(this.open)) {
			c.wsi().closeReason(CloseStatus.NORMAL, "done");
			c.wsi().callbackOnWritable();
		}
	}

}
