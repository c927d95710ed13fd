package io.lws.core.service;

import io.lws.core.metrics.MetricsRecorder;

/**
 * What one service thread's connections read, wrote and asked for during a pass, in plain fields only that thread
 * touches, handed to the {@link MetricsRecorder} once at the end of the pass (and before a connection's close is
 * reported, so a close is never seen before its bytes). Per read and per write the engine then does a field
 * addition, not a call into the recorder: with Micrometer those calls, inlined into the hot read and write paths,
 * cost more than their work (docs/performance.md, "Metrics on and off").
 */
final class PassTraffic {

	private long bytesIn;

	private long bytesOut;

	private long writableRequests;

	void bytesIn(long n) {
		this.bytesIn += n;
	}

	void bytesOut(long n) {
		this.bytesOut += n;
	}

	void writableRequested() {
		this.writableRequests++;
	}

	/** Reports what was counted since the last report, and starts again from zero. */
	void reportTo(MetricsRecorder recorder) {
		if (this.bytesIn != 0) {
			recorder.bytesIn(this.bytesIn);
			this.bytesIn = 0;
		}
		if (this.bytesOut != 0) {
			recorder.bytesOut(this.bytesOut);
			this.bytesOut = 0;
		}
		if (this.writableRequests != 0) {
			recorder.writableRequested(this.writableRequests);
			this.writableRequests = 0;
		}
	}

}
