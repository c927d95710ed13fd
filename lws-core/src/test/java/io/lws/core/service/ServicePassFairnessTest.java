package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
		LwsContext ctx = drivenContext(echo);
		// service() must always be called from the same thread
		ExecutorService loop = Executors.newSingleThreadExecutor();
		try {
			clients.addAll(connect(ctx, loop, CONNECTIONS));

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
			stop(ctx, loop, clients);
		}
	}

	/**
	 * Level-triggered epoll puts a descriptor it has just reported back at the head of its ready list, so a connection
	 * served in the last pass whose next data came fast is reported before connections that have waited longer; under
	 * pipelined load the same few kept the head of every pass. The loop handles such a connection after the others.
	 */
	@Test
	void aConnectionServedInThePreviousPassIsHandledAfterThoseThatWaitedLonger() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		LwsProtocol<Void> echo = LwsProtocol.of("echo", new LwsProtocolHandler<Void>() {
			@Override
			public int onReceive(Lws wsi, Void session, ByteBuffer in) {
				byte[] text = new byte[in.remaining()];
				in.duplicate().get(text);
				received.add(new String(text, StandardCharsets.UTF_8));
				wsi.write(in, WriteProtocol.TEXT, true);
				return 0;
			}
		});
		LwsContext ctx = drivenContext(echo);
		ExecutorService loop = Executors.newSingleThreadExecutor();
		List<WsTestClient> clients = new ArrayList<>();
		try {
			clients.addAll(connect(ctx, loop, 3));
			WsTestClient a = clients.get(0);
			WsTestClient b = clients.get(1);
			WsTestClient c = clients.get(2);
			// drain what the handshake passes left, then a pass that serves only a
			loop.submit(() -> ctx.service(0)).get(5, TimeUnit.SECONDS);
			a.sendText("a1");
			Thread.sleep(100);
			loop.submit(() -> ctx.service(1000)).get(5, TimeUnit.SECONDS);
			assertThat(received).containsExactly("a1");

			// b and c become readable first, a last: the kernel still reports a first
			b.sendText("b");
			c.sendText("c");
			Thread.sleep(50);
			a.sendText("a2");
			Thread.sleep(100);
			loop.submit(() -> ctx.service(1000)).get(5, TimeUnit.SECONDS);
			assertThat(received).hasSize(4);
			assertThat(received.subList(1, 3)).containsExactlyInAnyOrder("b", "c");
			assertThat(received.get(3)).as("the connection served in the previous pass comes last").isEqualTo("a2");
			assertThat(a.readFrame().text()).isEqualTo("a1");
			assertThat(a.readFrame().text()).isEqualTo("a2");
			assertThat(b.readFrame().text()).isEqualTo("b");
			assertThat(c.readFrame().text()).isEqualTo("c");
		}
		finally {
			stop(ctx, loop, clients);
		}
	}

	/** A context whose one service thread the test drives with {@code service()}. */
	private static LwsContext drivenContext(LwsProtocol<Void> protocol) {
		return LwsContext.create(ContextCreationInfo.builder()
			.startServiceThreads(false)
			.vhost(VhostCreationInfo.builder("v").port(0).iface("127.0.0.1").protocols(protocol).build())
			.build());
	}

	/** Opens {@code n} WebSocket clients while {@code loop} (always the same thread) services their handshakes. */
	private static List<WsTestClient> connect(LwsContext ctx, ExecutorService loop, int n) throws Exception {
		AtomicBoolean run = new AtomicBoolean(true);
		Future<?> background = loop.submit(() -> {
			while (run.get() && ctx.service(20) == 0) {
				// handshakes
			}
		});
		List<WsTestClient> clients = new ArrayList<>();
		try {
			int port = ctx.vhosts().get(0).listenPort();
			for (int i = 0; i < n; i++) {
				clients.add(WsTestClient.connect(port, "/", "echo"));
			}
		}
		catch (IOException | RuntimeException ex) {
			for (WsTestClient c : clients) {
				c.close();
			}
			throw ex;
		}
		finally {
			run.set(false);
			background.get(5, TimeUnit.SECONDS);
		}
		return clients;
	}

	/** Closes the clients, then stops the loop's thread and destroys the context. */
	private static void stop(LwsContext ctx, ExecutorService loop, List<WsTestClient> clients) throws Exception {
		for (WsTestClient c : clients) {
			c.close();
		}
		loop.shutdown();
		loop.awaitTermination(5, TimeUnit.SECONDS);
		ctx.destroy();
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
