package io.lws.sample.client;

import io.lws.core.Lws;

/**
 * One WebSocket connection of a run, given as its {@code userdata} so that its protocol's callbacks get it as their
 * session: its name in the output, the connection once open, how the server closed it and whether it has done its
 * part of a {@code --once} round. Per connection rather than per protocol, because {@code --multi-test} opens three
 * {@code dumb-increment-protocol} connections served by one handler. Used on the service thread only.
 */
final class WebSocketConnection {

	private final String label;

	private Lws wsi;

	private String peerClose;

	private boolean roundDone;

	WebSocketConnection(String label) {
		this.label = label;
	}

	/** What the output calls it: the protocol name, numbered when there are several of it. */
	String label() {
		return this.label;
	}

	/** The open connection, or {@code null} before {@code CLIENT_ESTABLISHED}. */
	Lws wsi() {
		return this.wsi;
	}

	void established(Lws open) {
		this.wsi = open;
	}

	/** How the server closed the connection ({@code 1000 'reason'}, {@code no status}), or {@code null}. */
	String peerClose() {
		return this.peerClose;
	}

	void peerClosed(String how) {
		this.peerClose = how;
	}

	/** Whether it has done its part of a {@code --once} round. */
	boolean roundDone() {
		return this.roundDone;
	}

	void doneForTheRound() {
		this.roundDone = true;
	}

}
