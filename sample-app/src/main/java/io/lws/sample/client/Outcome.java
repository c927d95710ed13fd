package io.lws.sample.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a client run ended, decided once by whichever connection finishes or fails first (on the service thread) and
 * awaited by the main thread: exit status 0 for success, 1 for a failure, whose reason is kept.
 */
final class Outcome {

	/** The exit status of a successful run. */
	static final int SUCCESS = 0;

	/** The exit status of a run that failed: connection error, bad status, early close, timeout. */
	static final int FAILURE = 1;

	private final CountDownLatch decided = new CountDownLatch(1);

	private volatile int status = SUCCESS;

	private volatile String reason;

	/** The run did what it was asked to; ignored when already decided. */
	synchronized void succeed() {
		if (this.decided.getCount() > 0) {
			this.decided.countDown();
		}
	}

	/** The run failed because of {@code why}; ignored when already decided. */
	synchronized void fail(String why) {
		if (this.decided.getCount() > 0) {
			this.status = FAILURE;
			this.reason = why;
			this.decided.countDown();
		}
	}

	/** Whether the run has ended. */
	boolean isDecided() {
		return this.decided.getCount() == 0;
	}

	/**
	 * Waits for the end of the run, failing it when it takes longer than {@code timeoutSecs}.
	 * @param timeoutSecs the limit, or 0 to wait for as long as it takes
	 * @return the exit status
	 */
	int await(int timeoutSecs) throws InterruptedException {
		if (timeoutSecs == 0) {
			this.decided.await();
		}
		else if (!this.decided.await(timeoutSecs, TimeUnit.SECONDS)) {
			fail("nothing finished within " + timeoutSecs + " s");
		}
		return this.status;
	}

	/** Why the run failed, or {@code null}. */
	String reason() {
		return this.reason;
	}

}
