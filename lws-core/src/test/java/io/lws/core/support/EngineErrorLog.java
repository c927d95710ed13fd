package io.lws.core.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.lws.core.log.LogLevel;
import io.lws.core.log.LwsLog;

/**
 * Collects what the engine logs at {@code LLL_ERR} during each test ({@code @RegisterExtension}), and puts the log
 * level back afterwards: an exception that escaped into a service loop shows as such a line, so a test that must
 * leave the engine unharmed asserts {@link #lines()} is empty.
 */
public final class EngineErrorLog implements BeforeEachCallback, AfterEachCallback {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private int oldLogLevel;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.lines.clear();
		this.oldLogLevel = LwsLog.logLevel();
		LwsLog.setLogLevel(LogLevel.ERR.bit(), (level, line) -> this.lines.add(line));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		LwsLog.setLogLevel(this.oldLogLevel, null);
	}

	/** The error lines logged so far in this test. */
	public List<String> lines() {
		return this.lines;
	}

}
