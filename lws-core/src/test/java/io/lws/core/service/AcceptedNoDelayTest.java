package io.lws.core.service;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.support.PlainJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every accepted TCP connection has {@code TCP_NODELAY}: on Linux, where the listen socket carries it for the
 * accepted ones to inherit, and in a JVM that has not opened {@code sun.nio.ch}, where each accepted socket gets its
 * own. Without it a response written in several pieces would wait for the peer's delayed ACK.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AcceptedNoDelayTest {

	@Test
	void everyAcceptedConnectionHasNoDelay() throws Exception {
		assertThat(AcceptedNoDelayConnections.noDelayOfAcceptedSockets(3)).containsExactly(true, true, true);
	}

	@Test
	void aJvmThatCannotSetItOnTheListenSocketSetsItOnEachConnection(@TempDir Path dir) throws Exception {
		PlainJvm.Run run = PlainJvm.run(AcceptedNoDelayConnections.class, dir);
		assertThat(run.exitValue()).as(run.output()).isZero();
		assertThat(run.output()).contains("nodelay [true, true, true]");
	}

}
