package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.CallbackReason;
import io.lws.core.CloseStatus;
import io.lws.core.HeaderToken;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.PendingTimeout;
import io.lws.core.ServerOption;
import io.lws.core.WriteProtocol;
import io.lws.core.support.HttpResponse;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;
import io.lws.core.support.WsTestClient.Frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WebSocket callback API: sessions, pieces, writing, writeable callbacks, flow control and closing. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketServerTest {

	static final class Session {

		final List<String> pieces = new CopyOnWriteArrayList<>();

		int counter;

	}

	@Test
	void receiveDeliversPiecesOfRxBufferSizeWithRemainingPayloadAndFragmentFlags() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(1);
		LwsProtocol<Session> p = LwsProtocol.builder("pieces", new LwsProtocolHandler<Session>() {
			@Override
			public Session newSession(Lws wsi) {
				return new Session();
			}

			@Override
			public int onReceive(Lws wsi, Session s, ByteBuffer in) {
				seen.add(in.remaining() + "/" + wsi.remainingPacketPayload() + "/" + wsi.isFirstFragment() + "/"
						+ wsi.isFinalFragment() + "/" + wsi.frameIsBinary());
				if (wsi.isFinalFragment()) {
					done.countDown();
				}
				return 0;
			}
		}).rxBufferSize(10).build();
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", "pieces")) {
			c.sendBinary(new byte[25]);
			assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(seen).containsExactly("10/15/true/false/true", "10/5/false/false/true", "5/0/false/true/true");
		}
	}

	@Test
	void wholeMessagesArriveInOneReceiveAndOversizedOnesClose1009() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		LwsProtocol<Session> p = LwsProtocol.builder("whole", new LwsProtocolHandler<Session>() {
			@Override
			public int onReceive(Lws wsi, Session s, ByteBuffer in) {
				seen.add(in.remaining() + "/" + wsi.remainingPacketPayload() + "/" + wsi.isFirstFragment() + "/"
						+ wsi.isFinalFragment() + "/" + wsi.frameIsBinary());
				return 0;
			}
		}).rxBufferSize(10).wholeMessages(40).build();
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", "whole")) {
			c.sendFrame(false, 2, new byte[15]).sendFrame(true, 0, new byte[10]);
			c.sendText("x".repeat(40));
			c.sendBinary(new byte[41]);
			assertThat(c.readCloseCode()).isEqualTo(1009);
			assertThat(seen).containsExactly("25/0/true/true/true", "40/0/true/true/false");
		}
	}

	@Test
	void sessionsAreCreatedPerConnectionAndWriteableCallbacksCanBeAskedFromAnyThread() throws Exception {
		AtomicReference<Lws> wsiRef = new AtomicReference<>();
		LwsProtocol<Session> p = LwsProtocol.of("counter", new LwsProtocolHandler<Session>() {
			@Override
			public Session newSession(Lws wsi) {
				return new Session();
			}

			@Override
			public int onEstablished(Lws wsi, Session s) {
				wsiRef.set(wsi);
				return 0;
			}

			@Override
			public int onServerWriteable(Lws wsi, Session s) {
				wsi.write(Integer.toString(s.counter++), WriteProtocol.TEXT);
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient a = WsTestClient.connect(s.port(), "/", "counter");
				WsTestClient b = WsTestClient.connect(s.port(), "/", "counter")) {
			while (wsiRef.get() == null) {
				Thread.sleep(5);
			}
			// from this (foreign) thread: every connection of the protocol, then one connection
			s.context().callbackOnWritableAllProtocol(p);
			assertThat(a.readFrame().text()).isEqualTo("0");
			assertThat(b.readFrame().text()).isEqualTo("0");
			s.vhost().callbackOnWritableAllProtocol(p);
			assertThat(a.readFrame().text()).isEqualTo("1");
			assertThat(b.readFrame().text()).isEqualTo("1");
		}
	}

	@Test
	void fragmentedWritesAndPingsGoOutAsFrames() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("frag", new LwsProtocolHandler<>() {
			@Override
			public int onEstablished(Lws wsi, Object s) {
				wsi.write(ByteBuffer.wrap("Hel".getBytes(StandardCharsets.UTF_8)), WriteProtocol.TEXT, false);
				wsi.write(ByteBuffer.wrap("lo".getBytes(StandardCharsets.UTF_8)), WriteProtocol.CONTINUATION, true);
				wsi.write(ByteBuffer.wrap(new byte[] { 7 }), WriteProtocol.PING);
				assertThatThrownBy(() -> wsi.write("x", WriteProtocol.CONTINUATION))
					.isInstanceOf(IllegalStateException.class);
				assertThatThrownBy(() -> wsi.write(ByteBuffer.allocate(126), WriteProtocol.PING))
					.isInstanceOf(IllegalArgumentException.class);
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			Frame f1 = c.readFrame();
			Frame f2 = c.readFrame();
			Frame f3 = c.readFrame();
			assertThat(f1.fin()).isFalse();
			assertThat(f1.opcode()).isEqualTo(1);
			assertThat(f2.opcode()).isZero();
			assertThat(f1.text() + f2.text()).isEqualTo("Hello");
			assertThat(f3.opcode()).isEqualTo(9);
		}
	}

	@Test
	void closeReasonIsSentWhenACallbackReturnsNonZeroAndClosedComesOnce() throws Exception {
		AtomicInteger closed = new AtomicInteger();
		CountDownLatch closedLatch = new CountDownLatch(1);
		LwsProtocol<Object> p = LwsProtocol.of("closer", new LwsProtocolHandler<>() {
			@Override
			public int onReceive(Lws wsi, Object s, ByteBuffer in) {
				assertThatThrownBy(() -> wsi.closeReason(1005, "no")).isInstanceOf(IllegalArgumentException.class);
				wsi.closeReason(CloseStatus.GOINGAWAY, "seeya");
				return -1;
			}

			@Override
			public int onClosed(Lws wsi, Object s) {
				closed.incrementAndGet();
				closedLatch.countDown();
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			Frame close = c.sendText("closeme").readFrame();
			assertThat(close.opcode()).isEqualTo(8);
			assertThat(close.closeCode()).isEqualTo(1001);
			assertThat(close.closeReason()).isEqualTo("seeya");
			c.sendClose(1001, "");
			assertThat(c.raw().closedByServer()).isTrue();
			assertThat(closedLatch.await(5, TimeUnit.SECONDS)).isTrue();
			Thread.sleep(100);
			assertThat(closed.get()).isEqualTo(1);
		}
	}

	@Test
	void afterThePeersCloseIsAnsweredTheServerClosesAtOnceWithoutWaitingForThePeersFin() throws Exception {
		CountDownLatch closed = new CountDownLatch(1);
		LwsProtocol<Object> p = LwsProtocol.of("plain", new LwsProtocolHandler<>() {
			@Override
			public int onClosed(Lws wsi, Object s) {
				closed.countDown();
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			c.sendClose(1000, "bye");
			assertThat(c.readFrame().closeCode()).isEqualTo(1000);
			// The client keeps its socket open. RFC 6455 section 7.1.1: with both Close frames exchanged the server
			// closes TCP immediately; lingering for the client's FIN would hold the connection for 2 s.
			assertThat(closed.await(1500, TimeUnit.MILLISECONDS)).isTrue();
			assertThat(c.raw().closedByServer()).isTrue();
		}
	}

	@Test
	void theServersFinFollowsItsCloseFrameAtOnceWhenNothingElseIsHappening() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("plain", new LwsProtocolHandler<>() {
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p))) {
			for (int i = 0; i < 3; i++) {
				// an idle server: its loop waits up to a second for I/O or a timer
				Thread.sleep(300);
				try (WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
					c.sendClose(1000, "bye");
					assertThat(c.readFrame().closeCode()).isEqualTo(1000);
					// the socket is closed after the select that follows the closing pass, which must not wait
					c.raw().soTimeout(300);
					assertThat(c.raw().closedByServer()).isTrue();
				}
			}
		}
	}

	@Test
	void peerInitiatedCloseSeesCodeAndReasonAndNonZeroSkipsTheEcho() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		LwsProtocol<Object> p = LwsProtocol.of("noecho", new LwsProtocolHandler<>() {
			@Override
			public int onPeerInitiatedClose(Lws wsi, Object s, ByteBuffer in) {
				int code = in.getShort() & 0xFFFF;
				seen.add(code + ":" + StandardCharsets.UTF_8.decode(in));
				return 1;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			c.sendClose(4000, "done");
			assertThat(c.raw().closedByServer()).isTrue();
			assertThat(seen).containsExactly("4000:done");
		}
	}

	@Test
	void filterProtocolConnectionCanReadHeadersAndRefuse() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("guarded", new LwsProtocolHandler<>() {
			@Override
			public int onFilterProtocolConnection(Lws wsi, Object s, String protocol) {
				return "/allowed".equals(wsi.hdrCopy(HeaderToken.GET_URI)) ? 0 : 1;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p))) {
			try (WsTestClient ok = WsTestClient.connect(s.port(), "/allowed", "guarded")) {
				assertThat(ok.handshake().status()).isEqualTo(101);
			}
			assertThatThrownBy(() -> WsTestClient.connect(s.port(), "/other", "guarded")).hasMessageContaining("403");
		}
	}

	@Test
	void aProtocolFilterThatAnswersItselfGetsOnlyItsOwnAnswerOnTheWire() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("guarded", new LwsProtocolHandler<>() {
			@Override
			public int onFilterProtocolConnection(Lws wsi, Object s, String protocol) {
				wsi.returnHttpStatus(401, "log in first");
				return 1;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			c.send("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Protocol: guarded\r\n\r\n");
			HttpResponse r = c.readResponse();
			assertThat(r.status()).isEqualTo(401);
			assertThat(r.bodyText()).contains("log in first");
			assertThat(c.read()).as("nothing after the 401 but the close").isEqualTo(-1);
		}
	}

	@Test
	void theStrictHostCheckRefusesUpgradesNamingAnotherHostOrPort() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("chat", new LwsProtocolHandler<>() {
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p).options(ServerOption.VHOST_UPG_STRICT_HOST_CHECK))) {
			String upgrade = "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
			for (String host : new String[] { "other:" + s.port(), "default:" + (s.port() + 1), "default", "" }) {
				try (RawClient c = s.client()) {
					String hostLine = host.isEmpty() ? "" : "Host: " + host + "\r\n";
					assertThat(c.send(upgrade + hostLine + "\r\n").readResponse().status()).as(host).isEqualTo(400);
				}
			}
			try (RawClient c = s.client()) {
				assertThat(c.send(upgrade + "Host: DEFAULT:" + s.port() + "\r\n\r\n").readHeadResponse().status())
					.isEqualTo(101);
			}
		}
	}

	@Test
	void aTimeoutOfZeroSecondsClosesAtTheNextCheckAndKillSyncAtOnce() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("timed", new LwsProtocolHandler<>() {
			@Override
			public int onReceive(Lws wsi, Object s, ByteBuffer in) {
				String what = StandardCharsets.UTF_8.decode(in).toString();
				wsi.setTimeout(PendingTimeout.USER_OK, "sync".equals(what) ? Lws.TO_KILL_SYNC : 0);
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p))) {
			for (String what : new String[] { "zero", "sync" }) {
				try (WsTestClient c = WsTestClient.connect(s.port(), "/", "timed")) {
					long start = System.nanoTime();
					c.sendText(what);
					// lws_set_timeout drops the connection without a close frame
					assertThat(c.raw().closedByServer()).as(what).isTrue();
					assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as(what).isLessThan(2500);
				}
			}
		}
	}

	@Test
	void rxFlowControlStopsAndResumesReceiving() throws Exception {
		List<String> got = new CopyOnWriteArrayList<>();
		AtomicReference<Lws> wsiRef = new AtomicReference<>();
		LwsProtocol<Object> p = LwsProtocol.of("flow", new LwsProtocolHandler<>() {
			@Override
			public int onReceive(Lws wsi, Object s, ByteBuffer in) {
				got.add(StandardCharsets.UTF_8.decode(in).toString());
				wsiRef.set(wsi);
				wsi.rxFlowControl(false);
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			c.sendText("one").sendText("two").sendText("three");
			Thread.sleep(300);
			assertThat(got).containsExactly("one");
			s.context().rxFlowAllowAllProtocol(p);
			Thread.sleep(300);
			assertThat(got).containsExactly("one", "two");
			s.context().rxFlowAllowAllProtocol(p);
			s.context().rxFlowAllowAllProtocol(p);
			long end = System.currentTimeMillis() + 3000;
			while (got.size() < 3 && System.currentTimeMillis() < end) {
				s.context().rxFlowAllowAllProtocol(p);
				Thread.sleep(50);
			}
			assertThat(got).containsExactly("one", "two", "three");
		}
	}

	@Test
	void callbackAllProtocolDeliversUserReasonsAndTimersFire() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		CountDownLatch timer = new CountDownLatch(2);
		LwsProtocol<Object> p = LwsProtocol.of("all", new LwsProtocolHandler<>() {
			@Override
			public int onEstablished(Lws wsi, Object s) {
				wsi.setTimer(50_000);
				return 0;
			}

			@Override
			public int onTimer(Lws wsi, Object s) {
				timer.countDown();
				wsi.setTimer(50_000);
				return 0;
			}

			@Override
			public int callback(Lws wsi, CallbackReason reason, Object s, Object in) {
				if (reason == CallbackReason.USER) {
					seen.add("user");
				}
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient a = WsTestClient.connect(s.port(), "/", null);
				WsTestClient b = WsTestClient.connect(s.port(), "/", null)) {
			s.awaitConnections(2);
			s.context().callbackAllProtocol(p, CallbackReason.USER);
			long end = System.currentTimeMillis() + 3000;
			while (seen.size() < 2 && System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			assertThat(seen).containsExactly("user", "user");
			assertThat(timer.await(3, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void gracefulShutdownSendsGoingAwayAndCompletesWhenPeersAnswer() throws Exception {
		TestServer s = TestServer.start((v) -> v.protocols(io.lws.core.support.EchoProtocol.create(4096)));
		try (WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			s.awaitConnections(1);
			var done = s.context().shutdownGracefully();
			Frame close = c.readFrame();
			assertThat(close.closeCode()).isEqualTo(1001);
			assertThat(done).isNotDone();
			c.sendClose(1001, "");
			done.get(5, TimeUnit.SECONDS);
			assertThat(s.context().connectionCount()).isZero();
		}
		finally {
			s.close();
		}
	}

	@Test
	void pongsReachReceivePongAndTheHeaderBufferIsFreeAfterTheUpgrade() throws Exception {
		List<String> pongs = new CopyOnWriteArrayList<>();
		LwsProtocol<Object> p = LwsProtocol.of("pongs", new LwsProtocolHandler<>() {
			@Override
			public int onReceivePong(Lws wsi, Object s, ByteBuffer in) {
				pongs.add(StandardCharsets.UTF_8.decode(in).toString());
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			c.sendFrame(true, 10, "pong!".getBytes(StandardCharsets.UTF_8));
			long end = System.currentTimeMillis() + 3000;
			while (pongs.isEmpty() && System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			assertThat(pongs).containsExactly("pong!");
			assertThat(s.context().headerPoolStats().inUse()).isZero();
		}
	}

	@Test
	void aPeerThatNeverAnswersOurCloseIsDroppedAfterTimeoutSecs() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("closer", new LwsProtocolHandler<>() {
			@Override
			public int onReceive(Lws wsi, Object s, ByteBuffer in) {
				return -1;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p).timeoutSecs(1));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			c.sendText("bye");
			assertThat(c.readFrame().closeCode()).isEqualTo(1000);
			long start = System.nanoTime();
			// we do not answer the close: the server gives up after timeout_secs
			assertThat(c.raw().closedByServer()).isTrue();
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(300L, 3000L);
		}
	}

	@Test
	void anUpgradeWithoutSubprotocolUnderACallbackMountGetsTheMountsProtocol() throws Exception {
		io.lws.core.mount.Mount m = io.lws.core.mount.Mount
			.builder("/echo", io.lws.core.mount.MountOrigin.CALLBACK, "echo")
			.build();
		try (TestServer s = TestServer.start((v) -> v.protocols(
				LwsProtocol.of("http", new LwsProtocolHandler<Object>() {
				}), io.lws.core.support.EchoProtocol.create(4096)).mounts(m))) {
			try (WsTestClient c = WsTestClient.connect(s.port(), "/echo", null)) {
				assertThat(c.sendText("via mount").readMessage().text()).isEqualTo("via mount");
			}
			// elsewhere, no subprotocol means the vhost's first protocol, which does not echo
			try (WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
				c.sendText("nobody echoes");
				assertThat(c.raw().silentFor(300)).isTrue();
			}
		}
	}

	@Test
	void destroyClosesWebSocketsWithGoingAway() throws IOException {
		TestServer s = TestServer.start((v) -> v.protocols(io.lws.core.support.EchoProtocol.create(4096)));
		try (WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			assertThat(c.sendText("x").readMessage().text()).isEqualTo("x");
			s.close();
			assertThat(c.readFrame().closeCode()).isEqualTo(1001);
		}
	}

}
