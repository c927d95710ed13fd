package io.lws.sample.client;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import io.lws.core.ClientConnectInfo;
import io.lws.core.LwsProtocol;

/**
 * Which WebSocket connections a {@code ws://} run opens, from its options, and the vhost protocols that serve them.
 * With {@code --echo}, one {@code lws-mirror-protocol} connection running the echo test in a mirror instance of its
 * own ({@link MirrorInstance}). Otherwise {@code dumb-increment-protocol} connections, one, three with
 * {@code --multi-test} or none with {@code --justmirror}, and the circle-drawing {@code lws-mirror-protocol}
 * connection unless {@code --nomirror} or {@code --multi-test} (which, as in the C client, opens no mirror). Each
 * connection asks for its protocol at the URL's path and query and gets its {@link WebSocketConnection} as userdata.
 * @param protocols the vhost's protocols, one per protocol the connections use
 * @param connections what to connect, in order
 */
record WebSocketPlan(List<LwsProtocol<?>> protocols, List<ClientConnectInfo> connections) {

	/** The dumb-increment connections of {@code --multi-test}, as the C client opens. */
	static final int MULTI = 3;

	/** The plan for {@code options}, whose connections report to {@code run}. */
	static WebSocketPlan of(ClientOptions options, ClientConnectInfo target, WebSocketRun run,
			RandomGenerator random) {
		if (options.echo()) {
			EchoClient echo = new EchoClient(run);
			ClientConnectInfo own = target.toBuilder()
				.path(MirrorInstance.ownUnlessNamed(target.path(), random))
				.build();
			WebSocketConnection c = run.connection(echo.name());
			return new WebSocketPlan(List.of(echo.protocol()), List.of(connect(own, echo, c)));
		}
		List<LwsProtocol<?>> protocols = new ArrayList<>();
		List<ClientConnectInfo> connections = new ArrayList<>();
		int dumbs = options.justMirror() ? 0 : options.multiTest() ? MULTI : 1;
		if (dumbs > 0) {
			DumbIncrementClient dumb = new DumbIncrementClient(run);
			protocols.add(dumb.protocol());
			for (int i = 1; i <= dumbs; i++) {
				String label = (dumbs == 1) ? dumb.name() : dumb.name() + "[" + i + "]";
				connections.add(connect(target, dumb, run.connection(label)));
			}
		}
		if (!options.noMirror() && !options.multiTest()) {
			MirrorClient mirror = new MirrorClient(run, random);
			protocols.add(mirror.protocol());
			connections.add(connect(target, mirror, run.connection(mirror.name())));
		}
		return new WebSocketPlan(List.copyOf(protocols), List.copyOf(connections));
	}

	private static ClientConnectInfo connect(ClientConnectInfo target, WebSocketClientProtocol p,
			WebSocketConnection c) {
		return target.toBuilder().protocol(p.name()).userdata(c).build();
	}

}
