package io.lws.sample.protocols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.support.WsTestClient;
import io.lws.core.support.WsTestClient.Frame;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SampleProtocolsTest {

	@Test
	void dumbIncrementCountsAt20HzResetsAndClosesWithSeeya() throws Exception {
		try (SampleServer s = new SampleServer(1);
				WsTestClient c = WsTestClient.connect(s.port(), "/", DumbIncrementProtocol.NAME)) {
			long start = System.nanoTime();
			assertThat(c.readFrame().text()).isEqualTo("0");
			int last = 0;
			while (last < 20) {
				last = Integer.parseInt(c.readFrame().text());
			}
			long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertThat(ms).isBetween(900L, 1300L);
			c.sendText("reset\n");
			int n;
			do {
				n = Integer.parseInt(c.readFrame().text());
			}
			while (n > 5);
			assertThat(n).isLessThanOrEqualTo(1);
			c.sendText("a".repeat(9000));
			c.sendText("closeme\n");
			Frame f;
			do {
				f = c.readFrame();
			}
			while (f.opcode() != 8);
			assertThat(f.closeCode()).isEqualTo(1001);
			assertThat(f.closeReason()).isEqualTo("seeya");
			assertThat(s.problems).isEmpty();
		}
	}

	@Test
	void permessageDeflateIsNegotiatedAsByTheTestServer() throws Exception {
		// the offer libwebsockets' test client makes
		String offer = "permessage-deflate; client_no_context_takeover; client_max_window_bits";
		try (SampleServer s = new SampleServer(1)) {
			for (String refusing : List.of(DumbIncrementProtocol.NAME, MirrorProtocol.NAME)) {
				try (WsTestClient c = WsTestClient.connect(s.port(), "/", refusing, offer)) {
					assertThat(c.handshake().header("sec-websocket-extensions")).as(refusing).isNull();
				}
			}
			try (WsTestClient c = WsTestClient.connect(s.port(), "/", DumbIncrementProtocol.NAME, offer)) {
				WsTestClient.Frame zero = c.readFrame();
				assertThat(zero.rsv()).isZero();
				assertThat(zero.text()).isEqualTo("0");
			}
			for (String compressing : List.of(StatusProtocol.NAME, EchoProtocol.NAME)) {
				try (WsTestClient c = WsTestClient.connect(s.port(), "/", compressing, offer)) {
					assertThat(c.handshake().header("sec-websocket-extensions")).as(compressing)
						.isEqualTo("permessage-deflate; client_no_context_takeover");
				}
			}
			assertThat(s.problems).isEmpty();
		}
	}

	@Test
	void dumbIncrementRateDoesNotGrowWithTheNumberOfClients() throws Exception {
		try (SampleServer s = new SampleServer(1)) {
			List<WsTestClient> clients = new ArrayList<>();
			List<Long> connected = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				clients.add(WsTestClient.connect(s.port(), "/", DumbIncrementProtocol.NAME));
				connected.add(System.nanoTime());
			}
			Thread.sleep(1500);
			for (int i = 0; i < clients.size(); i++) {
				WsTestClient c = clients.get(i);
				int last = -1;
				long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
				while (System.nanoTime() < until) {
					last = Integer.parseInt(c.readFrame().text());
				}
				long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connected.get(i));
				double expected = elapsedMs / 50.0;
				// 20 Hz per connection, never 5 x 20 Hz
				assertThat((double) last).as("client " + i + " after " + elapsedMs + " ms").isBetween(expected * 0.75,
						expected * 1.1);
				c.close();
			}
		}
	}

	@Test
	void mirrorSendsEveryMessageToEveryMemberOfItsInstanceOnly() throws Exception {
		try (SampleServer s = new SampleServer(2);
				WsTestClient a = WsTestClient.connect(s.port(), "/?mirror=one", MirrorProtocol.NAME);
				WsTestClient b = WsTestClient.connect(s.port(), "/?mirror=one", MirrorProtocol.NAME);
				WsTestClient other = WsTestClient.connect(s.port(), "/?mirror=two", MirrorProtocol.NAME)) {
			Thread.sleep(100);
			for (int i = 0; i < 100; i++) {
				a.sendText("c #ff0000 " + i + " 10 5;");
			}
			for (int i = 0; i < 100; i++) {
				assertThat(a.readFrame().text()).isEqualTo("c #ff0000 " + i + " 10 5;");
				assertThat(b.readFrame().text()).isEqualTo("c #ff0000 " + i + " 10 5;");
			}
			// messages of one sender keep their order; b's comes after a's were relayed
			b.sendText("from b");
			assertThat(a.readFrame().text()).isEqualTo("from b");
			assertThat(b.readFrame().text()).isEqualTo("from b");
			other.sendText("alone");
			assertThat(other.readFrame().text()).isEqualTo("alone");
			assertThat(s.mirror.instanceCount()).isEqualTo(2);
			assertThat(s.problems).isEmpty();
		}
	}

	@Test
	void mirrorInstancesAreLimitedAndRemovedWhenEmpty() throws Exception {
		try (SampleServer s = new SampleServer(1)) {
			List<WsTestClient> members = new ArrayList<>();
			for (String name : List.of("a", "b", "c")) {
				members.add(WsTestClient.connect(s.port(), "/?mirror=" + name, MirrorProtocol.NAME));
			}
			try (WsTestClient fourth = WsTestClient.connect(s.port(), "/?mirror=d", MirrorProtocol.NAME)) {
				assertThat(fourth.readCloseCode()).isEqualTo(1008);
			}
			for (WsTestClient m : members) {
				m.sendClose(1000, "");
				m.readCloseCode();
				m.close();
			}
			long end = System.currentTimeMillis() + 3000;
			while (s.mirror.instanceCount() > 0 && System.currentTimeMillis() < end) {
				Thread.sleep(20);
			}
			assertThat(s.mirror.instanceCount()).isZero();
		}
	}

	@Test
	void aMirrorMemberThatNeverReadsIsDroppedAndTheOthersCarryOn() throws Exception {
		try (SampleServer s = new SampleServer(1);
				WsTestClient sender = WsTestClient.connect(s.port(), "/?mirror=x", MirrorProtocol.NAME);
				WsTestClient stuck = WsTestClient.connect(s.port(), "/?mirror=x", MirrorProtocol.NAME)) {
			stuck.raw().socket().setReceiveBufferSize(2048);
			Thread.sleep(100);
			String big = "z".repeat(60_000);
			Thread writer = new Thread(() -> {
				try {
					for (int i = 0; i < 400; i++) {
						sender.sendText(big);
					}
				}
				catch (IOException ex) {
					// the assertion below reports what went wrong
				}
			});
			writer.setDaemon(true);
			writer.start();
			// the sender gets all of its own messages back, within the laggard timeout plus slack
			for (int i = 0; i < 400; i++) {
				Frame f = sender.readFrame();
				assertThat(f.opcode()).as("frame %d: close %d %s %s", i, f.closeCode(), f.closeReason(), s.problems)
					.isEqualTo(1);
				assertThat(f.payload()).hasSize(60_000);
			}
			writer.join(5000);
			// the stuck member was dropped (kernel buffers absorb a few MB first, then the ring fills)
			long end = System.currentTimeMillis() + 10_000;
			while (s.context.connectionCount() > 1 && System.currentTimeMillis() < end) {
				Thread.sleep(50);
			}
			assertThat(s.context.connectionCount()).isEqualTo(1);
			assertThat(s.mirror.instanceCount()).isEqualTo(1);
		}
	}

	@Test
	void statusListsEveryStatusClientNewestFirst() throws Exception {
		try (SampleServer s = new SampleServer(1);
				WsTestClient first = WsTestClient.connect(s.port(), "/", StatusProtocol.NAME)) {
			String one = first.readFrame().text();
			assertThat(one).contains("\"wsi\":\"1\"").contains("\"peer\":\"127.0.0.1\"").contains("\"version\":\"")
				.contains("\"hostname\":\"").contains("\"wss_over_h2\":\"0\"");
			try (WsTestClient second = WsTestClient.connect(s.port(), "/", StatusProtocol.NAME)) {
				String two = second.readFrame().text();
				assertThat(two).contains("\"wsi\":\"2\"");
				assertThat(first.readFrame().text()).isEqualTo(two);
			}
			assertThat(first.readFrame().text()).contains("\"wsi\":\"1\"");
		}
	}

	@Test
	void echoReturnsMessagesUnchanged() throws Exception {
		try (SampleServer s = new SampleServer(1);
				WsTestClient c = WsTestClient.connect(s.port(), "/", EchoProtocol.NAME)) {
			assertThat(c.sendText("héllo").readMessage().text()).isEqualTo("héllo");
			byte[] bin = new byte[100_000];
			bin[99_999] = 7;
			Frame f = c.sendBinary(bin).readMessage();
			assertThat(f.opcode()).isEqualTo(2);
			assertThat(f.payload()).isEqualTo(bin);
		}
	}

	@Test
	void echoStreamsALargeMessageBackInFramesOfItsRxBufferSize() throws Exception {
		try (SampleServer s = new SampleServer(1);
				WsTestClient c = WsTestClient.connect(s.port(), "/", EchoProtocol.NAME)) {
			byte[] bin = new byte[2 * EchoProtocol.RX_BUFFER_SIZE + 8192];
			for (int i = 0; i < bin.length; i++) {
				bin[i] = (byte) (i * 31);
			}
			c.sendBinary(bin);
			List<Frame> frames = new ArrayList<>();
			do {
				frames.add(c.readFrame());
			}
			while (!frames.get(frames.size() - 1).fin());
			// one frame per RECEIVE piece, whatever the socket did to the message on its way in
			assertThat(frames).extracting(f -> f.payload().length)
				.containsExactly(EchoProtocol.RX_BUFFER_SIZE, EchoProtocol.RX_BUFFER_SIZE, 8192);
			assertThat(frames).extracting(Frame::opcode).containsExactly(2, 0, 0);
			byte[] back = new byte[bin.length];
			int at = 0;
			for (Frame f : frames) {
				System.arraycopy(f.payload(), 0, back, at, f.payload().length);
				at += f.payload().length;
			}
			assertThat(back).isEqualTo(bin);
		}
	}

}
