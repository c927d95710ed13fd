package io.lws.core.client;

import static io.lws.core.client.ClientHarness.serveOnce;
import static io.lws.core.client.ClientHarness.wss;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.LwsProtocol;
import io.lws.core.WriteProtocol;
import io.lws.core.ext.pmd.PerMessageDeflate;
import io.lws.core.protocols.EchoHandler;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.Peers;
import io.lws.core.support.TestServer;

/**
 * permessage-deflate on our client ({@code client_exts}): offered, suppressed by
 * {@code CLIENT_CONFIRM_EXTENSION_SUPPORTED}, the server's answer checked, and compressed, masked frames both ways
 * against our server and python3-websockets.
 */
class ClientPermessageDeflateTest {

	private static final String TEXT = "The quick brown fox jumps over the lazy dog. ".repeat(2000);

	private static TestServer pmdServer() {
		return TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)).extensions(PerMessageDeflate.create()));
	}

	private static ClientConnectInfo.Builder offering(int port, PerMessageDeflate pmd) {
		return wss(port, 0).clientExtensions(List.of(pmd));
	}

	/** An ASCII payload that compresses well but not trivially. */
	private static byte[] largeBinary(int size) {
		byte[] b = new byte[size];
		for (int i = 0; i < size; i++) {
			b[i] = (byte) ('a' + (i * 7 + i / 1000) % 26);
		}
		return b;
	}

	@Test
	void compressedMaskedMessagesBothWaysWithContextTakeover() throws Exception {
		try (TestServer server = pmdServer(); RecordingProxy proxy = new RecordingProxy(server.port());
				ClientHarness client = new ClientHarness()) {
			byte[] big = largeBinary(1 << 20);
			client.rec.onEstablished = (wsi) -> {
				wsi.write(TEXT, WriteProtocol.TEXT);
				wsi.write(TEXT, WriteProtocol.TEXT);
				wsi.write(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.US_ASCII)), WriteProtocol.PING);
				wsi.write(ByteBuffer.wrap(big), WriteProtocol.BINARY);
				wsi.write("", WriteProtocol.TEXT);
			};
			client.connect(offering(proxy.port(), PerMessageDeflate.create()).build());
			assertThat(client.rec.next()).isEqualTo("established:echo:permessage-deflate");
			assertThat(client.rec.next()).isEqualTo("receive:" + TEXT);
			assertThat(client.rec.next()).isEqualTo("receive:" + TEXT);
			assertThat(client.rec.next()).isEqualTo("pong:are you there");
			assertThat(client.rec.next()).isEqualTo("binary:" + new String(big, StandardCharsets.US_ASCII));
			assertThat(client.rec.next()).isEqualTo("receive:");

			byte[] wire = proxy.fromClient();
			String head = new String(wire, StandardCharsets.ISO_8859_1);
			int bodyStart = head.indexOf("\r\n\r\n") + 4;
			assertThat(head).contains("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
			int b0 = wire[bodyStart] & 0xFF;
			int b1 = wire[bodyStart + 1] & 0xFF;
			assertThat(b0 & 0x0F).as("opcode").isEqualTo(1);
			assertThat(b0 & 0x40).as("RSV1: compressed").isEqualTo(0x40);
			assertThat(b1 & 0x80).as("masked").isEqualTo(0x80);
			// two 90 kB texts and 1 MiB of binary went out as a small fraction of that
			assertThat(wire.length - bodyStart).isLessThan((2 * TEXT.length() + big.length) / 10);
		}
	}

	@Test
	void noContextTakeoverBothWays() throws Exception {
		PerMessageDeflate pmd = PerMessageDeflate.builder().serverNoContextTakeover(true).clientNoContextTakeover(true)
			.build();
		try (TestServer server = pmdServer(); ClientHarness client = new ClientHarness()) {
			client.rec.onEstablished = (wsi) -> {
				for (int i = 0; i < 3; i++) {
					wsi.write(TEXT, WriteProtocol.TEXT);
				}
			};
			client.connect(offering(server.port(), pmd).build());
			assertThat(client.rec.next()).isEqualTo(
					"established:echo:permessage-deflate; server_no_context_takeover; client_no_context_takeover");
			for (int i = 0; i < 3; i++) {
				assertThat(client.rec.next()).isEqualTo("receive:" + TEXT);
			}
		}
	}

	/**
	 * Compressed text that inflates to bytes that are not UTF-8 reaches a client protocol built with
	 * {@code validateUtf8(false)} as sent; a validating client protocol fails the connection instead.
	 */
	@Test
	void compressedTextIsCheckedForUtf8OnlyByClientProtocolsThatValidate() throws Exception {
		byte[] notUtf8 = { 'o', 'k', (byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		LwsProtocol<Void> rawEcho = LwsProtocol.builder("echo", new EchoHandler()).validateUtf8(false).build();
		try (TestServer server = TestServer.start((v) -> v.protocols(rawEcho).extensions(PerMessageDeflate.create()))) {
			try (ClientRecorder rec = new ClientRecorder().startWithProtocol("echo", (p) -> p.validateUtf8(false))) {
				rec.onEstablished = (wsi) -> wsi.write(ByteBuffer.wrap(notUtf8), WriteProtocol.TEXT);
				rec.connect(offering(server.port(), PerMessageDeflate.create()).build());
				assertThat(rec.next()).startsWith("established:echo:permessage-deflate");
				assertThat(rec.next()).isEqualTo("receive:" + new String(notUtf8, StandardCharsets.UTF_8));
			}
			try (ClientRecorder rec = new ClientRecorder().start("echo")) {
				rec.onEstablished = (wsi) -> wsi.write(ByteBuffer.wrap(notUtf8), WriteProtocol.TEXT);
				rec.connect(offering(server.port(), PerMessageDeflate.create()).build());
				assertThat(rec.next()).startsWith("established:echo:permessage-deflate");
				assertThat(rec.next()).isEqualTo("closed");
			}
		}
	}

	@Test
	void confirmExtensionSupportedMaySuppressTheOffer() throws Exception {
		try (TestServer server = pmdServer(); RecordingProxy proxy = new RecordingProxy(server.port());
				ClientHarness client = new ClientHarness()) {
			client.answers.put(CallbackReason.CLIENT_CONFIRM_EXTENSION_SUPPORTED,
					(wsi, in) -> PerMessageDeflate.NAME.equals(in) ? 1 : 0);
			client.rec.onEstablished = (wsi) -> wsi.write("plain", WriteProtocol.TEXT);
			client.connect(offering(proxy.port(), PerMessageDeflate.create()).build());
			assertThat(client.rec.next()).isEqualTo("established:echo");
			assertThat(client.rec.next()).isEqualTo("receive:plain");
			assertThat(new String(proxy.fromClient(), StandardCharsets.ISO_8859_1))
				.doesNotContain("Sec-WebSocket-Extensions");
		}
	}

	@Test
	void badExtensionAnswersFailTheConnection() throws Exception {
		assertThat(answeredWith("x-unknown", true)).isEqualTo("error:HS: EXT: unknown ext 'x-unknown'");
		assertThat(answeredWith("permessage-deflate; bogus=1", true))
			.startsWith("error:HS: EXT: Rejects server options: ");
		assertThat(answeredWith("permessage-deflate; server_max_window_bits=99", true))
			.startsWith("error:HS: EXT: Rejects server options: ");
		assertThat(answeredWith("permessage-deflate, permessage-deflate", true))
			.isEqualTo("error:HS: EXT: the server accepted 2 extensions, more than the 1 a connection may have");
		assertThat(answeredWith("permessage-deflate", false))
			.isEqualTo("error:HS: EXT: the server accepted an extension that was not offered: permessage-deflate");
	}

	/** Our client against a raw server answering the upgrade with {@code extensions}; the client's first event. */
	private static String answeredWith(String extensions, boolean offer) throws Exception {
		try (ServerSocket raw = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
				ClientHarness client = new ClientHarness()) {
			Thread t = serveOnce(raw, (s) -> {
				BufferedReader in = new BufferedReader(
						new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
				String key = null;
				String line;
				while ((line = in.readLine()) != null && !line.isEmpty()) {
					Matcher m = Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)").matcher(line);
					if (m.matches()) {
						key = m.group(1);
					}
				}
				String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
					.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
				OutputStream out = s.getOutputStream();
				out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Extensions: " + extensions
						+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				in.read();
			});
			ClientConnectInfo.Builder b = wss(raw.getLocalPort(), 0).protocol(null);
			if (offer) {
				b.clientExtensions(List.of(PerMessageDeflate.create()));
			}
			client.connect(b.build());
			String event = client.rec.next();
			t.join(5000);
			return event;
		}
	}

	@Test
	void python3WebsocketsServerWithCompression() throws Exception {
		byte[] big = largeBinary(300_000);
		List<String> events = againstPythonServer(List.of(), List.of(TEXT, big, "short"));
		assertThat(events.get(0)).startsWith("established:echo:permessage-deflate");
		assertThat(events.subList(1, 4)).containsExactly("receive:" + TEXT,
				"binary:" + new String(big, StandardCharsets.US_ASCII), "receive:short");
	}

	@Test
	void python3WebsocketsServerLimitingTheClientsWindow() throws Exception {
		// a block repeated at a distance of 1500 bytes: with a full window the repeats would reference it
		StringBuilder block = new StringBuilder();
		java.util.Random r = new java.util.Random(7);
		for (int i = 0; i < 1500; i++) {
			block.append((char) ('a' + r.nextInt(26)));
		}
		String repeated = block.toString().repeat(40);
		List<String> events = againstPythonServer(List.of("small-windows"), List.of(repeated, repeated));
		assertThat(events.get(0)).isEqualTo(
				"established:echo:permessage-deflate; server_max_window_bits=10; client_max_window_bits=9");
		assertThat(events.subList(1, 3)).containsExactly("receive:" + repeated, "receive:" + repeated);
	}

	/**
	 * Our client with permessage-deflate against {@code ws_pmd_server.py}: sends {@code messages} (String as text,
	 * byte[] as binary) once established; returns the established event and one event per message.
	 */
	private static List<String> againstPythonServer(List<String> args, List<Object> messages) throws Exception {
		Peers.requirePythonWebsockets();
		Path script = Peers.resource("interop/ws_pmd_server.py");
		List<String> command = new java.util.ArrayList<>(List.of(Peers.PYTHON, script.toString()));
		command.addAll(args);
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (ClientHarness client = new ClientHarness()) {
			BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
			String first = out.readLine();
			assertThat(first).as("the server's port").matches("\\d+");
			client.rec.onEstablished = (wsi) -> {
				for (Object m : messages) {
					if (m instanceof String text) {
						wsi.write(text, WriteProtocol.TEXT);
					}
					else {
						wsi.write(ByteBuffer.wrap((byte[]) m), WriteProtocol.BINARY);
					}
				}
			};
			client.connect(offering(Integer.parseInt(first), PerMessageDeflate.create()).protocol(null).build());
			List<String> events = new java.util.ArrayList<>();
			for (int i = 0; i <= messages.size(); i++) {
				events.add(client.rec.next());
			}
			return events;
		}
		finally {
			p.getOutputStream().close();
			if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
				p.destroyForcibly();
			}
		}
	}

}
