package io.lws.benchmarks;

import java.util.concurrent.atomic.LongAdder;

import io.lws.core.metrics.MetricsRecorder;

/**
 * A {@link MetricsRecorder} that counts every call in a {@link LongAdder}, and sums the durations and sizes it is
 * given: the cheapest recorder that still does real, thread-safe work on each call, so that
 * {@link EchoRoundTripBenchmark} can show what the engine's calls into a recorder cost on the hot path.
 * <p>
 * Tags (vhost and protocol names, codes, reasons) are dropped. A real recorder, such as one backed by Micrometer,
 * looks up a meter per tag as well; this one gives the floor of the cost, not its ceiling.
 * <p>
 * LongAdder rather than AtomicLong because the engine may call from several service threads at once, and a
 * contended AtomicLong would measure cache-line ping-pong rather than the recorder calls.
 */
public final class CountingRecorder implements MetricsRecorder {

	private final LongAdder connectionsOpened = new LongAdder();

	private final LongAdder connectionsClosed = new LongAdder();

	private final LongAdder connectionNanos = new LongAdder();

	private final LongAdder bytesIn = new LongAdder();

	private final LongAdder readCalls = new LongAdder();

	private final LongAdder bytesOut = new LongAdder();

	private final LongAdder writeCalls = new LongAdder();

	private final LongAdder messagesIn = new LongAdder();

	private final LongAdder messagesOut = new LongAdder();

	private final LongAdder handshakes = new LongAdder();

	private final LongAdder webSocketsClosed = new LongAdder();

	private final LongAdder timeouts = new LongAdder();

	private final LongAdder writableRequests = new LongAdder();

	private final LongAdder headerWaits = new LongAdder();

	private final LongAdder headerWaitNanos = new LongAdder();

	private final LongAdder httpResponses = new LongAdder();

	@Override
	public void connectionOpened(String vhost) {
		this.connectionsOpened.increment();
	}

	@Override
	public void connectionClosed(String vhost, long durationNanos) {
		this.connectionsClosed.increment();
		this.connectionNanos.add(durationNanos);
	}

	@Override
	public void bytesIn(long bytes) {
		this.readCalls.increment();
		this.bytesIn.add(bytes);
	}

	@Override
	public void bytesOut(long bytes) {
		this.writeCalls.increment();
		this.bytesOut.add(bytes);
	}

	@Override
	public void messageIn(String protocol) {
		this.messagesIn.increment();
	}

	@Override
	public void messageOut(String protocol) {
		this.messagesOut.increment();
	}

	@Override
	public void handshake(String vhost, String result) {
		this.handshakes.increment();
	}

	@Override
	public void webSocketClosed(String protocol, int code, String initiator) {
		this.webSocketsClosed.increment();
	}

	@Override
	public void timeout(String reason) {
		this.timeouts.increment();
	}

	@Override
	public void writableRequested(long count) {
		this.writableRequests.add(count);
	}

	@Override
	public void headerWait(long nanos) {
		this.headerWaits.increment();
		this.headerWaitNanos.add(nanos);
	}

	@Override
	public void httpResponse(String vhost, int status) {
		this.httpResponses.increment();
	}

	/** Messages received so far, summed over all threads. */
	public long messagesIn() {
		return this.messagesIn.sum();
	}

	@Override
	public String toString() {
		return "connectionsOpened=" + this.connectionsOpened + ", connectionsClosed=" + this.connectionsClosed
				+ ", reads=" + this.readCalls + ", bytesIn=" + this.bytesIn + ", writes=" + this.writeCalls
				+ ", bytesOut=" + this.bytesOut + ", messagesIn=" + this.messagesIn + ", messagesOut="
				+ this.messagesOut + ", handshakes=" + this.handshakes + ", webSocketsClosed=" + this.webSocketsClosed
				+ ", timeouts=" + this.timeouts + ", writableRequests=" + this.writableRequests + ", headerWaits="
				+ this.headerWaits + ", httpResponses=" + this.httpResponses;
	}

}
