package io.lws.core.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.ContextCreationInfo;
import io.lws.core.HeaderPoolStats;
import io.lws.core.HeaderToken;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.VhostCreationInfo;
import io.lws.core.ext.pmd.PerMessageDeflate;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.protocols.EchoHandler;
import io.lws.core.spa.Spa;
import io.lws.core.spa.SpaConfig;
import io.lws.core.spa.SpaException;
import io.lws.core.support.EngineErrorLog;
import io.lws.core.support.HttpResponse;
import io.lws.core.support.Mutations;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded hostile clients against the server role, four at a time over a header pool of two: each sends what
 * {@link HostileRequests} makes (HTTP requests to file, callback and redirect mounts, or a WebSocket handshake and
 * frames, then broken), in pieces, and then half-closes and reads until the server ends the connection, or resets or
 * simply closes its socket.
 * <p>
 * Whatever a client sends, the server must end a half-closed connection within {@value #END_MILLIS} ms; what it wrote
 * must pass {@link ServerAnswerCheck} (well-formed responses and frames, nothing lost before its FIN); its callbacks
 * must keep libwebsockets' order (every {@code ESTABLISHED} gets one {@code CLOSED}, nothing is received or written
 * outside them, every transaction's {@code HTTP_BIND_PROTOCOL} gets one {@code HTTP_DROP_PROTOCOL}, which frees the
 * form parser a transaction left open, and no callback has its session after that); it must log no
 * error (how an exception that escaped into the service loop shows); and afterwards it must hold no connection and no
 * header buffer, and still serve a file and an echo. {@code -Dlws.fuzz.seed=N -Dlws.fuzz.cases=M} runs other or more
 * cases. {@link ServerFuzzTest} runs them over plain TCP, {@link ServerTlsFuzzTest} over TLS.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ServerFuzzCases {

	private static final long SEED = Long.getLong("lws.fuzz.seed", 1);

	private static final int CASES = Integer.getInteger("lws.fuzz.cases", 600);

	private static final int CLIENTS = 4;

	private static final int END_MILLIS = 5000;

	@RegisterExtension
	final EngineErrorLog engineErrors = new EngineErrorLog();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	@TempDir
	Path www;

	/** Starts the server: plain or TLS, with a vhost on 127.0.0.1 and a free port. */
	protected abstract TestServer start(Consumer<ContextCreationInfo.Builder> context,
			Consumer<VhostCreationInfo.Builder> vhost);

	@Test
	void everyHostileClientIsAnsweredWellAndLeavesNothingBehind() throws Exception {
		Files.writeString(this.www.resolve("a.txt"), "file a\n".repeat(50));
		LifecycleEcho echo = new LifecycleEcho();
		FormSite form = new FormSite();
		try (TestServer s = start((c) -> c.maxHttpHeaderPool(2),
				(v) -> v.protocols(LwsProtocol.of("form", form), LwsProtocol.builder("echo", echo).build())
					.extensions(PerMessageDeflate.create())
					.maxMessageSize(64 * 1024)
					.mounts(Mount.builder("/files", MountOrigin.FILE, this.www.toString()).build(),
							Mount.builder("/form", MountOrigin.CALLBACK, "form").build(),
							Mount.builder("/old", MountOrigin.REDIR_HTTP, "example.org/new").build()))) {
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int k = 0; k < CLIENTS; k++) {
					long seed = SEED * 31 + k;
					done.add(clients.submit(() -> {
						Random random = new Random(seed);
						// a few failures tell enough, and a server that leaves connections open would make each wait
						for (int i = 0; i < CASES / CLIENTS && this.failures.size() < 5; i++) {
							runCase(s, random, "case " + i + " of client seed " + seed);
						}
						return null;
					}));
				}
				for (Future<?> f : done) {
					f.get();
				}
			}
			finally {
				clients.shutdownNow();
			}
			s.awaitConnections(0);
			assertThat(this.failures).as("cases that went wrong").isEmpty();
			HeaderPoolStats pool = s.context().headerPoolStats();
			assertThat(pool.inUse()).as("header buffers held").isZero();
			assertThat(pool.waiting()).as("connections waiting for a header buffer").isZero();
			assertThat(echo.violations).as("WebSocket callbacks out of order").isEmpty();
			assertThat(echo.open).as("connections ESTABLISHED and never CLOSED").isEmpty();
			assertThat(form.bound).as("transactions bound and never dropped").isEmpty();
			assertThat(form.openForms).as("form parsers never freed by HTTP_DROP_PROTOCOL").hasValue(0);
			assertThat(form.violations).as("HTTP callbacks out of order").isEmpty();
			assertThat(form.formsAnswered).as("forms parsed and answered").hasPositiveValue();
			assertThat(echo.messages).as("messages echoed").hasPositiveValue();
			assertStillServes(s);
		}
		assertThat(this.engineErrors.lines()).as("errors the engine logged").isEmpty();
	}

	private void runCase(TestServer server, Random random, String label) {
		boolean ws = random.nextBoolean();
		byte[] request = ws ? HostileRequests.webSocket(random) : HostileRequests.http(random);
		int ending = random.nextInt(8);
		long piecesSeed = random.nextLong();
		String what = label + ", sent " + new String(request, 0, Math.min(request.length, 200),
				StandardCharsets.ISO_8859_1);
		try (Socket socket = server.client().socket()) {
			socket.setTcpNoDelay(true);
			boolean sentAll = writeInPieces(socket, request, new Random(piecesSeed));
			if (ending == 0) {
				// gone without a word: the server must notice the reset
				socket.setSoLinger(true, 0);
				return;
			}
			if (ending == 1) {
				return;
			}
			if (sentAll) {
				socket.shutdownOutput();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Boolean whole = readToEnd(socket, out);
			if (whole == null) {
				this.failures.add(what + ": the connection was still open " + END_MILLIS
						+ " ms after the client's last write, having written " + out.size() + " bytes");
				return;
			}
			ServerAnswerCheck.check(out.toByteArray(), whole);
		}
		catch (IOException ex) {
			this.failures.add(what + ": " + ex);
		}
		catch (AssertionError ex) {
			this.failures.add(what + ": " + ex.getMessage());
		}
	}

	/** Writes the request in pieces; false if the server closed before it had all of it. */
	private static boolean writeInPieces(Socket s, byte[] request, Random r) {
		try {
			Mutations.writeInPieces(s.getOutputStream(), request, r);
			return true;
		}
		catch (IOException ex) {
			// the server gave up on the request before all of it was written
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Reads what the server writes until it ends the connection: true for a FIN, false for a reset, null if it is
	 * still open after {@link #END_MILLIS}.
	 */
	private static Boolean readToEnd(Socket s, ByteArrayOutputStream into) throws IOException {
		long deadline = System.currentTimeMillis() + END_MILLIS;
		InputStream in = s.getInputStream();
		byte[] buf = new byte[16 * 1024];
		while (true) {
			long left = deadline - System.currentTimeMillis();
			if (left <= 0) {
				return null;
			}
			s.setSoTimeout((int) left);
			try {
				int n = in.read(buf);
				if (n < 0) {
					return true;
				}
				into.write(buf, 0, n);
			}
			catch (SocketTimeoutException ex) {
				return null;
			}
			catch (IOException ex) {
				return false;
			}
		}
	}

	private static void assertStillServes(TestServer s) throws IOException {
		try (var c = s.client()) {
			HttpResponse r = c.send("GET /files/a.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.bodyText()).startsWith("file a");
		}
		try (WsTestClient c = WsTestClient.connect(s.client(), "/", "echo")) {
			assertThat(c.sendText("still here").readMessage().text()).isEqualTo("still here");
		}
	}

	/** The echo protocol, checking the order of its callbacks per connection. */
	static final class LifecycleEcho extends EchoHandler {

		final Map<Lws, Boolean> open = Collections.synchronizedMap(new IdentityHashMap<>());

		final List<String> violations = new CopyOnWriteArrayList<>();

		final AtomicInteger messages = new AtomicInteger();

		@Override
		public int onEstablished(Lws wsi, Void session) {
			if (this.open.put(wsi, Boolean.TRUE) != null) {
				this.violations.add("ESTABLISHED twice on " + wsi);
			}
			return 0;
		}

		@Override
		public int onReceive(Lws wsi, Void session, ByteBuffer in) {
			expectOpen(wsi, "RECEIVE");
			if (wsi.isFinalFragment()) {
				this.messages.incrementAndGet();
			}
			return super.onReceive(wsi, session, in);
		}

		@Override
		public int onServerWriteable(Lws wsi, Void session) {
			expectOpen(wsi, "SERVER_WRITEABLE");
			return super.onServerWriteable(wsi, session);
		}

		@Override
		public int onClosed(Lws wsi, Void session) {
			if (this.open.remove(wsi) == null) {
				this.violations.add("CLOSED without ESTABLISHED, or twice, on " + wsi);
			}
			return 0;
		}

		private void expectOpen(Lws wsi, String reason) {
			if (!this.open.containsKey(wsi)) {
				this.violations.add(reason + " outside ESTABLISHED..CLOSED on " + wsi);
			}
		}

	}

	/**
	 * The HTTP side: {@code GET} answers "hello", {@code POST} parses an HTML form with {@link Spa} as an lws
	 * application does, and {@code HTTP_DROP_PROTOCOL} frees a parser that a transaction left unfinished.
	 */
	static final class FormSite implements LwsProtocolHandler<FormSite.Session> {

		private static final SpaConfig CONFIG = SpaConfig.builder().paramNames("name", "euro").maxFileSize(4096)
			.build();

		final AtomicInteger openForms = new AtomicInteger();

		final AtomicInteger formsAnswered = new AtomicInteger();

		final List<String> violations = new CopyOnWriteArrayList<>();

		/** Sessions bound and not yet dropped. */
		final Set<Session> bound = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

		static final class Session {

			Spa spa;

			boolean dropped;

		}

		@Override
		public Session newSession(Lws wsi) {
			return new Session();
		}

		@Override
		public int onHttp(Lws wsi, Session s, String uri) {
			check(s, "HTTP");
			if (s.spa != null) {
				this.violations.add("HTTP while the last request's body was still open on " + wsi);
			}
			if (!"POST".equals(wsi.httpMethod())) {
				return wsi.returnHttpStatus(uri.equals("/hello") ? 200 : 404, "hello");
			}
			String type = wsi.hdrCopy(HeaderToken.HTTP_CONTENT_TYPE);
			if (!Spa.isFormContentType(type)) {
				return wsi.returnHttpStatus(415, null);
			}
			s.spa = new Spa(CONFIG, type, null);
			this.openForms.incrementAndGet();
			return 0;
		}

		@Override
		public int onHttpBody(Lws wsi, Session s, ByteBuffer in) {
			check(s, "HTTP_BODY");
			if (s.spa == null) {
				return 0;
			}
			try {
				s.spa.process(in);
				return 0;
			}
			catch (SpaException | IOException ex) {
				return refuse(wsi, s, ex);
			}
		}

		@Override
		public int onHttpBodyCompletion(Lws wsi, Session s) {
			check(s, "HTTP_BODY_COMPLETION");
			if (s.spa == null) {
				return wsi.returnHttpStatus(200, null);
			}
			try {
				s.spa.finish();
				String name = s.spa.value("name");
				release(s);
				this.formsAnswered.incrementAndGet();
				return wsi.returnHttpStatus(200, "name has " + ((name == null) ? 0 : name.length()) + " characters");
			}
			catch (SpaException | IOException ex) {
				return refuse(wsi, s, ex);
			}
		}

		/** Answers a body the parser refused with the status it names (500 for a failed upload). */
		private int refuse(Lws wsi, Session s, Exception ex) {
			release(s);
			return wsi.returnHttpStatus((ex instanceof SpaException refused) ? refused.httpStatus() : 500, null);
		}

		@Override
		public int onHttpBindProtocol(Lws wsi, Session s) {
			check(s, "HTTP_BIND_PROTOCOL");
			if (s != null && !this.bound.add(s)) {
				this.violations.add("HTTP_BIND_PROTOCOL twice with one session on " + wsi);
			}
			return 0;
		}

		@Override
		public int onClosedHttp(Lws wsi, Session s) {
			// between transactions there is no session: each transaction's ended with it
			if (s != null) {
				check(s, "CLOSED_HTTP");
			}
			return 0;
		}

		@Override
		public int onHttpDropProtocol(Lws wsi, Session s) {
			check(s, "HTTP_DROP_PROTOCOL");
			if (s != null) {
				if (!this.bound.remove(s)) {
					this.violations.add("HTTP_DROP_PROTOCOL without HTTP_BIND_PROTOCOL on " + wsi);
				}
				s.dropped = true;
				release(s);
			}
			return 0;
		}

		private void check(Session s, String reason) {
			if (s == null) {
				this.violations.add(reason + " without a session");
			}
			else if (s.dropped) {
				this.violations.add(reason + " after HTTP_DROP_PROTOCOL");
			}
		}

		private void release(Session s) {
			if (s.spa != null) {
				try {
					s.spa.close();
				}
				catch (IOException ex) {
					this.violations.add("closing a form parser failed: " + ex);
				}
				s.spa = null;
				this.openForms.decrementAndGet();
			}
		}

	}

}
