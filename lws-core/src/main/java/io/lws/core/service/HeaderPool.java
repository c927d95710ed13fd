package io.lws.core.service;

import java.util.ArrayDeque;

import io.lws.core.TokenLimits;
import io.lws.core.http.HeaderTable;

/**
 * One service thread's share of the header buffer pool (libwebsockets' "ah pool"): a fixed number of
 * {@link HeaderTable}s allocated once, lent to connections while they read and act on a request's headers. A
 * connection that finds none free waits here, in arrival order, without reading; each buffer returned goes to the
 * oldest waiter. Used only on its service thread.
 */
final class HeaderPool {

	private final HeaderTable[] free;

	private int freeCount;

	private final int size;

	private final ArrayDeque<Connection> waiters = new ArrayDeque<>();

	private long waitedTotal;

	HeaderPool(int size, int dataSize, TokenLimits limits) {
		this.size = size;
		this.free = new HeaderTable[size];
		for (int i = 0; i < size; i++) {
			this.free[i] = new HeaderTable(dataSize, HeaderTable.DEFAULT_MAX_FRAGMENTS, limits);
		}
		this.freeCount = size;
	}

	/**
	 * Lends a buffer to {@code c}, or queues {@code c} (FIFO) and returns {@code null} when none is free; the queued
	 * connection later gets {@link Connection#headerTableGranted(HeaderTable)}.
	 */
	HeaderTable acquire(Connection c) {
		if (this.freeCount > 0 && this.waiters.isEmpty()) {
			HeaderTable t = this.free[--this.freeCount];
			this.free[this.freeCount] = null;
			t.reset();
			return t;
		}
		if (!c.waitingForHeaderTable) {
			c.waitingForHeaderTable = true;
			this.waiters.addLast(c);
			this.waitedTotal++;
		}
		return null;
	}

	/** Takes a buffer back and hands it straight to the oldest waiting connection, if any. */
	void release(HeaderTable t) {
		Connection waiter;
		while ((waiter = this.waiters.pollFirst()) != null) {
			waiter.waitingForHeaderTable = false;
			if (!waiter.isClosed()) {
				t.reset();
				waiter.headerTableGranted(t);
				return;
			}
		}
		this.free[this.freeCount++] = t;
	}

	/** Forgets a waiting connection that closed while it waited. */
	void cancelWait(Connection c) {
		if (c.waitingForHeaderTable) {
			c.waitingForHeaderTable = false;
			this.waiters.remove(c);
		}
	}

	int size() {
		return this.size;
	}

	int inUse() {
		return this.size - this.freeCount;
	}

	int waiting() {
		return this.waiters.size();
	}

	long waitedTotal() {
		return this.waitedTotal;
	}

}
