package io.lws.core.service;

/**
 * The connections of one service thread that have a timeout pending, as an intrusive doubly-linked list: setting or
 * clearing a timeout is O(1), and once a second {@link #expire(long, java.util.function.Consumer)} walks the list
 * (libwebsockets v2 checks its timeouts the same way, at the same one-second granularity).
 */
final class TimeoutList {

	private Connection head;

	private int size;

	void add(Connection c) {
		if (c.timeoutLinked) {
			return;
		}
		c.timeoutLinked = true;
		c.timeoutPrev = null;
		c.timeoutNext = this.head;
		if (this.head != null) {
			this.head.timeoutPrev = c;
		}
		this.head = c;
		this.size++;
	}

	void remove(Connection c) {
		if (!c.timeoutLinked) {
			return;
		}
		if (c.timeoutPrev != null) {
			c.timeoutPrev.timeoutNext = c.timeoutNext;
		}
		else {
			this.head = c.timeoutNext;
		}
		if (c.timeoutNext != null) {
			c.timeoutNext.timeoutPrev = c.timeoutPrev;
		}
		c.timeoutPrev = null;
		c.timeoutNext = null;
		c.timeoutLinked = false;
		this.size--;
	}

	/** Calls {@code onExpired} for each connection whose deadline is at or before {@code nowSecs}. */
	void expire(long nowSecs, java.util.function.Consumer<Connection> onExpired) {
		Connection c = this.head;
		while (c != null) {
			Connection next = c.timeoutNext;
			if (c.timeoutDeadline <= nowSecs) {
				onExpired.accept(c);
			}
			c = next;
		}
	}

	int size() {
		return this.size;
	}

}
