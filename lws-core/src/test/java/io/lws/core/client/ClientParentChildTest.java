package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.ContextCreationInfo;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.VhostCreationInfo;
import io.lws.core.WriteProtocol;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.RawServer;
import io.lws.core.support.TestServer;

/** {@code parent_wsi}: children live on their parent's thread, close before it, and never start without it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientParentChildTest {

	/** Records "event:name" where name is the connection's userdata; "close-me" echoed back closes the receiver. */
	static final class Family implements LwsProtocolHandler<Object> {

		final BlockingQueue<String> events = new LinkedBlockingQueue<>();

		volatile int echoPort;

		volatile Lws parent;

		@Override
		public int callback(Lws wsi, CallbackReason reason, Object name, Object in) {
			switch (reason) {
				case CLIENT_ESTABLISHED -> {
					this.events.add("established:" + name);
					if ("parent".equals(name)) {
						this.parent = wsi;
						wsi.context().clientConnect(ClientConnectInfo.builder().address("127.0.0.1")
							.port(this.echoPort).protocol("echo").parentWsi(wsi).userdata("child").build());
					}
					else if ("child".equals(name)) {
						this.events.add("parent-of-child:" + wsi.parent().session() + ", children-of-parent:"
								+ wsi.parent().children().size() + ", same-thread:"
								+ (this.parent != null && this.parent.children().contains(wsi)));
						this.parent.write("close-me", WriteProtocol.TEXT);
					}
				}
				case CLIENT_RECEIVE -> {
					String text = StandardCharsets.UTF_8.decode((ByteBuffer) in).toString();
					return "close-me".equals(text) ? -1 : 0;
				}
				case CLIENT_CLOSED -> this.events.add("closed:" + name);
				case CLIENT_CONNECTION_ERROR -> this.events.add("error:" + name + ":" + in);
				default -> {
				}
			}
			return 0;
		}

		String next() throws InterruptedException {
			String e = this.events.poll(10, TimeUnit.SECONDS);
			if (e == null) {
				throw new AssertionError("no event within 10 s");
			}
			return e;
		}

	}

	private static LwsContext clientContext(Family family) {
		return LwsContext.create(ContextCreationInfo.builder()
			.vhost(VhostCreationInfo.builder("client").port(VhostCreationInfo.PORT_NO_LISTEN)
				.protocols(List.of(LwsProtocol.of("echo", family)))
				.build())
			.build());
	}

	@Test
	void childrenCloseBeforeTheirParent() throws Exception {
		Family family = new Family();
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				LwsContext client = clientContext(family)) {
			family.echoPort = server.port();
			client.clientConnect(ClientConnectInfo.builder().address("127.0.0.1").port(server.port()).protocol("echo")
				.userdata("parent").build());
			assertThat(family.next()).isEqualTo("established:parent");
			assertThat(family.next()).isEqualTo("established:child");
			assertThat(family.next()).isEqualTo("parent-of-child:parent, children-of-parent:1, same-thread:true");
			assertThat(family.next()).isEqualTo("closed:child");
			assertThat(family.next()).isEqualTo("closed:parent");
			assertThat(family.events.poll(200, TimeUnit.MILLISECONDS)).isNull();
			server.awaitConnections(0);
		}
	}

	@Test
	void aChildOfAClosedParentNeverStarts() throws Exception {
		Family family = new Family();
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				RawServer childTarget = new RawServer(RawServer::drain); LwsContext client = clientContext(family)) {
			// the parent closes at once: its own echo server answers "close-me"
			family.echoPort = -1;
			Lws parent = client.clientConnect(ClientConnectInfo.builder().address("127.0.0.1").port(server.port())
				.protocol("echo").userdata("lonely").build());
			assertThat(family.next()).isEqualTo("established:lonely");
			client.post(0, () -> parent.write("close-me", WriteProtocol.TEXT));
			assertThat(family.next()).isEqualTo("closed:lonely");
			client.clientConnect(ClientConnectInfo.builder().address("127.0.0.1").port(childTarget.port())
				.parentWsi(parent).userdata("orphan").build());
			assertThat(family.next()).isEqualTo("error:orphan:the parent connection is already closed");
			assertThat(family.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
			assertThat(childTarget.connections()).isZero();
			assertThat(client.connectionCount()).isZero();
		}
	}

}
