package io.lws.core.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.PeerProcess;
import io.lws.core.support.Peers;
import io.lws.core.support.RawClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our WebSocket client against a server no one here wrote: python3-websockets ({@code interop/ws_echo_server.py}).
 * websockets fails a connection with 1002 when a client frame is not masked, so every exchange here passing also shows
 * our client masks its frames; {@link #thePeerDoesFailUnmaskedFrames()} shows the peer really checks.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientPeerInteropTest {

	/** The close frame's payload our client got from the server ({@code WS_PEER_INITIATED_CLOSE}), as "CODE REASON". */
	private final AtomicReference<String> peerClose = new AtomicReference<>();

	/** How many message pieces arrived that were not the last of their message. */
	private final AtomicInteger partialPieces = new AtomicInteger();

	private static PeerProcess startServer() throws Exception {
		Peers.requirePythonWebsockets();
		PeerProcess server = PeerProcess.start(
				List.of(Peers.PYTHON, Peers.resource("interop/ws_echo_server.py").toString()));
		server.awaitLine("^PORT \\d+$", 30);
		return server;
	}

	private static int port(PeerProcess server) throws InterruptedException {
		return Integer.parseInt(server.awaitLine("^PORT (\\d+)$", 1).group(1));
	}

	/** A recorder whose protocol also notes the peer's close payload and partial message pieces. */
	private ClientRecorder recorder() {
		ClientRecorder rec = new ClientRecorder();
		LwsProtocolHandler<Object> spy = new LwsProtocolHandler<>() {
			@Override
			public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
				if (reason == CallbackReason.WS_PEER_INITIATED_CLOSE) {
					ByteBuffer b = ((ByteBuffer) in).duplicate();
					int code = b.getShort() & 0xFFFF;
					ClientPeerInteropTest.this.peerClose.set(code + " " + StandardCharsets.UTF_8.decode(b));
				}
				if (reason == CallbackReason.CLIENT_RECEIVE && !wsi.isFinalFragment()) {
					ClientPeerInteropTest.this.partialPieces.incrementAndGet();
				}
				return rec.callback(wsi, reason, session, in);
			}
		};
		// the recorder itself is listed first, unused: the connection binds "echo", the spy in front of it
		return rec.start("recorder", (v) -> v.protocols(List.of(LwsProtocol.of("echo", spy))));
	}

	private static ClientConnectInfo to(int port) {
		return ClientConnectInfo.builder().address("127.0.0.1").port(port).protocol("echo").build();
	}

	@Test
	void echoesTextBinaryAndAFragmentedMessageAndClosesWith1000() throws Exception {
		try (PeerProcess server = startServer(); ClientRecorder rec = recorder()) {
			byte[] fragmented = "fragmented by the client".getBytes(StandardCharsets.UTF_8);
			rec.onEstablished = (wsi) -> {
				wsi.write("hello python", WriteProtocol.TEXT);
				wsi.write(ByteBuffer.wrap(new byte[] { 0, 1, 2, (byte) 0xFF }), WriteProtocol.BINARY);
				wsi.write(ByteBuffer.wrap(fragmented, 0, 10), WriteProtocol.TEXT, false);
				wsi.write(ByteBuffer.wrap(fragmented, 10, fragmented.length - 10), WriteProtocol.CONTINUATION, true);
				wsi.write("fragments", WriteProtocol.TEXT);
			};
			Lws wsi = rec.connect(to(port(server)));
			assertThat(rec.next()).isEqualTo("established:echo");
			assertThat(rec.next()).isEqualTo("receive:hello python");
			assertThat(rec.next()).isEqualTo("binary:\u0000\u0001\u0002\uFFFD");
			assertThat(rec.next()).isEqualTo("receive:fragmented by the client");
			assertThat(rec.next()).isEqualTo("receive:fragmented");
			// websockets sends the three parts unfinished and then an empty final frame
			assertThat(this.partialPieces.get()).isGreaterThanOrEqualTo(2);
			rec.onWriteable = (w) -> {
				throw new IllegalStateException("close from the writeable callback");
			};
			rec.context().post(0, () -> {
				wsi.closeReason(1000, "client done");
				wsi.callbackOnWritable();
			});
			assertThat(rec.await("closed")).isEqualTo("closed");
			assertThat(server.awaitLine("^END .*$", 10).group()).isEqualTo("END sent=1000 rcvd=1000 client done");
		}
	}

	@Test
	void answersTheServersPingAndGetsPongsForItsOwn() throws Exception {
		try (PeerProcess server = startServer(); ClientRecorder rec = recorder()) {
			rec.onEstablished = (wsi) -> {
				wsi.write(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)), WriteProtocol.PING);
				wsi.write("ping-me", WriteProtocol.TEXT);
			};
			rec.connect(to(port(server)));
			assertThat(rec.next()).isEqualTo("established:echo");
			assertThat(rec.next()).isEqualTo("pong:are you there");
			assertThat(rec.next()).isEqualTo("receive:pong received");
		}
	}

	@Test
	void aCloseFromTheServerGivesItsCodeAndReasonThenClientClosed() throws Exception {
		try (PeerProcess server = startServer(); ClientRecorder rec = recorder()) {
			rec.onEstablished = (wsi) -> wsi.write("close-me", WriteProtocol.TEXT);
			rec.connect(to(port(server)));
			assertThat(rec.next()).isEqualTo("established:echo");
			assertThat(rec.next()).isEqualTo("peer-close:4000");
			assertThat(rec.next()).isEqualTo("closed");
			assertThat(this.peerClose).hasValue("4000 server says bye");
			// our client answered the close, echoing the code, so the peer saw a clean close handshake
			assertThat(server.awaitLine("^END .*$", 10).group()).startsWith("END sent=4000 rcvd=4000");
		}
	}

	/** The control for the masking claim: the same peer does fail a client frame sent without a mask, with 1002. */
	@Test
	void thePeerDoesFailUnmaskedFrames() throws Exception {
		try (PeerProcess server = startServer(); RawClient raw = new RawClient(port(server))) {
			raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Protocol: echo\r\n\r\n");
			assertThat(raw.readHeadResponse().status()).isEqualTo(101);
			raw.send(new byte[] { (byte) 0x81, 0x02, 'h', 'i' });
			byte[] head = raw.readExactly(4);
			assertThat(head[0] & 0xFF).isEqualTo(0x88);
			assertThat(((head[2] & 0xFF) << 8) | (head[3] & 0xFF)).isEqualTo(1002);
			// no close reply: the peer ends the connection once the socket goes
			raw.close();
			assertThat(server.awaitLine("^END .*$", 10).group()).startsWith("END sent=1002");
		}
	}

}
