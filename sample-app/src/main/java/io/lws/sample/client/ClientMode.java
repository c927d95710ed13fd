package io.lws.sample.client;

import java.io.PrintStream;
import java.util.List;
import java.util.random.RandomGenerator;

import io.lws.core.ClientConnectInfo;
import io.lws.core.ContextCreationInfo;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.VhostCreationInfo;
import io.lws.core.log.LwsLog;

/**
 * The sample app as a client, {@code java -jar lws-sample-app.jar --client URL}: what {@code libwebsockets-test-client}
 * does, on a bare lws-core context whose only vhost listens on no port ({@code CONTEXT_PORT_NO_LISTEN}), so neither
 * Spring, the server's port nor the management port is started. Output goes to the given streams: what the server sends
 * to {@code out}, failures and the engine's log to {@code err}.
 */
public final class ClientMode {

	/** The exit status of a command line that cannot be understood. */
	public static final int USAGE = 2;

	private ClientMode() {
	}

	/** Whether {@code args} ask for client mode ({@code --client URL} or {@code --client=URL}). */
	public static boolean requested(String[] args) {
		return ClientOptions.requested(args);
	}

	/**
	 * Runs client mode to its end. The engine's log (a JVM-wide setting, {@code lws_set_log_level}) goes to {@code err}
	 * during the run and back to its level and SLF4J afterwards.
	 * @param args the command line, e.g. {@code --client ws://127.0.0.1:7681 --once}
	 * @param out where received data goes
	 * @param err where failures and the engine's log go
	 * @return the exit status: 0 on success, 1 on any failure (connection error, a status other than 2xx, a connection
	 * closed early, an echo that differs from what was sent, a timeout), {@link #USAGE} for a bad command line
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
		ClientOptions options;
		ClientConnectInfo target;
		try {
			options = ClientOptions.parse(args);
			target = options.connectInfo();
		}
		catch (IllegalArgumentException ex) {
			err.println("lws-sample-app --client: " + ex.getMessage());
			err.println(ClientOptions.USAGE);
			return USAGE;
		}
		int oldBits = LwsLog.logLevel();
		LwsLog.setLogLevel(options.logBits(), (level, line) -> err.println(LwsLog.timestamp(level) + line));
		try {
			return run(options, target, out, err);
		}
		finally {
			LwsLog.setLogLevel(oldBits, null);
		}
	}

	private static int run(ClientOptions options, ClientConnectInfo target, PrintStream out, PrintStream err)
			throws InterruptedException {
		Outcome outcome = new Outcome();
		List<LwsProtocol<?>> protocols;
		List<ClientConnectInfo> connections;
		if (target.isHttp()) {
			byte[] body = options.post() ? FormBody.encode(options.form()) : null;
			protocols = List.of(LwsProtocol.of(HttpFetch.NAME, new HttpFetch(outcome, out, body)));
			connections = List.of(target.toBuilder().localProtocolName(HttpFetch.NAME).build());
		}
		else {
			WebSocketPlan plan = WebSocketPlan.of(options, target, new WebSocketRun(outcome, out, options.once()),
					RandomGenerator.getDefault());
			protocols = plan.protocols();
			connections = plan.connections();
		}
		// a run that ends by itself is bounded by --timeout; the others run until Ctrl-C or a failure
		boolean bounded = target.isHttp() || options.once() || options.echo();
		try (LwsContext context = LwsContext.create(ContextCreationInfo.builder()
			.countThreads(1)
			.vhost(VhostCreationInfo.builder("client")
				.port(VhostCreationInfo.PORT_NO_LISTEN)
				.protocols(protocols)
				.build())
			.build())) {
			Thread stop = new Thread(() -> {
				// Ctrl-C ends an unbounded run: the client closing is not a failure
				outcome.succeed();
				context.destroy();
			}, "lws-sample-client-stop");
			if (!bounded) {
				Runtime.getRuntime().addShutdownHook(stop);
			}
			connections.forEach(context::clientConnect);
			int status = outcome.await(bounded ? options.timeoutSecs() : 0);
			if (!bounded) {
				removeHook(stop);
			}
			if (outcome.reason() != null) {
				err.println("lws-sample-app --client " + options.url() + " failed: " + outcome.reason());
			}
			return status;
		}
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook runs anyway
		}
	}

}
