package io.lws.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.lws.core.support.Peers;
import io.lws.sample.protocols.MirrorProtocol;
import io.lws.spring.boot.autoconfigure.LocalLwsPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole sample app against clients no one here wrote: libwebsockets' own C test client and python3-websockets.
 * Neither may make the app log anything at WARN or ERROR.
 */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.management.port=0" })
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SampleAppInteropTest {

	@LocalLwsPort
	int port;

	@Autowired
	MirrorProtocol mirror;

	@Test
	void libwebsocketsTestClientEstablishesBothConnectionsCountsAndGetsItsCirclesBack(CapturedOutput output)
			throws Exception {
		long relayedBefore = this.mirror.messagesRelayed();
		LwsTestClientRun.runAndCheck(this.port, false);
		assertThat(this.mirror.messagesRelayed() - relayedBefore).isGreaterThan(100);
		assertNoWarningsOrErrors(output);
	}

	/** Its {@code --echo} test: 1024 text messages that are not UTF-8 through the mirror, every byte back. */
	@Test
	void libwebsocketsTestClientsEchoTestGetsEveryByteBack(CapturedOutput output) throws Exception {
		assertThat(LwsTestClientRun.echoTest(this.port)).contains("send completed: 1024 x 12288")
			.contains("Everything received: errs 0");
		assertNoWarningsOrErrors(output);
	}

	@Test
	void python3WebsocketsTalksToEchoDumbIncrementAndMirror(CapturedOutput output) throws Exception {
		Peers.requirePythonWebsockets();
		Path script = Peers.resource("interop/sample_clients.py");
		Peers.Result r = Peers.run(List.of(Peers.PYTHON, script.toString(), "ws://127.0.0.1:" + this.port), 90);
		assertThat(r.output()).as(r.output()).contains("OK");
		assertThat(r.exitCode()).isZero();
		assertNoWarningsOrErrors(output);
	}

	static void assertNoWarningsOrErrors(CapturedOutput output) {
		assertThat(output.getAll().lines()).noneMatch((line) -> line.contains(" WARN ") || line.contains(" ERROR "));
	}

}
