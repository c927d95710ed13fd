package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.ContextCreationInfo;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.VhostCreationInfo;
import io.lws.core.WriteProtocol;
import io.lws.core.support.WsTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one service pass shares its work between connections that are all readable: each is read, answered and
 * flushed before the next one is read, so none waits for all the others' reads (the cause of uneven service under
 * pipelined load), and every readable connection is served in the pass.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServicePassFairnessTest {

	private static final int CONNECTIONS = 4;

	private static final int MESSAGES_EACH = 8;

	@Test
	void eachReadableConnectionIsAnsweredBeforeTheNextIsReadAndAllAreServedInOnePass() throws Exception {
		List<WsTestClient> clients = new CopyOnWriteArrayList<>();
		// for each RECEIVE of the measured pass: how many other clients already had their answer in their socket
		List<Integer> answeredBefore = new CopyOnWriteArrayList<>();
		AtomicBoolean measuring = new AtomicBoolean();
		LwsProtocol<Void> echo = LwsProtocol.of("echo", new LwsProtocolHandler<Void>() {
			@Override
			public int onReceive(Lws wsi, Void session, ByteBuffer in) {
				if (measuring.get() && wsi.isFirstFragment()) {
					answeredBefore.add(othersWithBytes(clients));
				}
				wsi.write(in, WriteProtocol.TEXT, true);
				return 0;
			}
		});
		LwsContext ctx = LwsContext.create(ContextCreationInfo.builder()
			.startServiceThreads(false)
			.vhost(VhostCreationInfo.builder("v").port(0).iface("127.0.0.1").protocols(echo).build())
			.build());
		// service() must always be called from the same thread
		ExecutorService loop = Executors.newSingleThreadExecutor();
		AtomicBoolean run = new AtomicBoolean(true);
		try {
			Future<?> background = loop.submit(() -> {
				while (run.get() && ctx.service(20) == 0) {
					// handshakes
				}
			});
			int port = ctx.vhosts().get(0).listenPort();
			for (int i = 0; i < CONNECTIONS; i++) {
				clients.add(WsTestClient.connect(port, "/", "echo"));
			}
			run.set(false);
			background.get(5, TimeUnit.SECONDS);

			// every client pipelines a batch; once all of it has arrived, one pass serves them
			for (WsTestClient c : clients) {
				for (int m = 0; m < MESSAGES_EACH; m++) {
					c.sendText("m" + m);
				}
			}
			Thread.sleep(200);
			measuring.set(true);
			loop.submit(() -> ctx.service(1000)).get(5, TimeUnit.SECONDS);
			measuring.set(false);

			// one RECEIVE per message; the first message of each connection's batch is where we look
			assertThat(answeredBefore).hasSize(CONNECTIONS * MESSAGES_EACH);
			List<Integer> atBatchStart = new ArrayList<>();
			for (int i = 0; i < CONNECTIONS; i++) {
				atBatchStart.add(answeredBefore.get(i * MESSAGES_EACH));
			}
			assertThat(atBatchStart).as("answered clients seen as each connection's batch starts")
				.containsExactly(0, 1, 2, 3);
			for (WsTestClient c : clients) {
				for (int m = 0; m < MESSAGES_EACH; m++) {
					assertThat(c.readFrame().text()).isEqualTo("m" + m);
				}
			}
		}
		finally {
			for (WsTestClient c : clients) {
				c.close();
			}
			loop.shutdown();
			loop.awaitTermination(5, TimeUnit.SECONDS);
			ctx.destroy();
		}
	}

	private static int othersWithBytes(List<WsTestClient> clients) {
		int n = 0;
		for (WsTestClient c : clients) {
			try {
				if (c.raw().socket().getInputStream().available() > 0) {
					n++;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return n;
	}

}
