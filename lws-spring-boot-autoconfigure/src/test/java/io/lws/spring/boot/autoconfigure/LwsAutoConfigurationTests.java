package io.lws.spring.boot.autoconfigure;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lws.core.LwsContext;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.LwsVhost;
import io.lws.spring.boot.autoconfigure.config.InvalidLwsConfigurationException;
import io.lws.spring.boot.autoconfigure.server.LwsGracefulShutdownLifecycle;
import io.lws.spring.boot.autoconfigure.server.LwsPortInUseException;
import io.lws.spring.boot.autoconfigure.server.LwsPortInUseFailureAnalyzer;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import io.lws.spring.boot.autoconfigure.server.LwsServerLifecycle;
import io.lws.spring.boot.autoconfigure.server.LwsVhostStartFailureAnalyzer;
import io.lws.spring.boot.autoconfigure.server.LwsPortInfoApplicationContextInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

public class LwsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LwsAutoConfiguration.class))
		.withInitializer(new LwsPortInfoApplicationContextInitializer())
		.withPropertyValues("lws.vhosts.default.port=0");

	@Test
	void startsTheServerWithTheDefaultVhost() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LwsServer.class)
				.hasSingleBean(LwsServerLifecycle.class)
				.hasSingleBean(LwsGracefulShutdownLifecycle.class);
			LwsServer server = context.getBean(LwsServer.class);
			assertThat(server.isRunning()).isTrue();
			LwsVhost vhost = server.context().vhost("default");
			assertThat(vhost.listenPort()).isPositive();
			assertThat(vhost.protocols()).extracting("name").containsExactly("http-only");
			// the starter's own default, not libwebsockets' 4096: one read takes up to 256 KiB of a large message
			assertThat(server.context().info().ptServBufSize()).isEqualTo(256 * 1024);
			assertThat(context.getEnvironment().getProperty("local.lws.port", Integer.class))
				.isEqualTo(vhost.listenPort());
			assertThat(context.getEnvironment().getProperty("local.lws.default.port", Integer.class))
				.isEqualTo(vhost.listenPort());
		});
	}

	@Test
	void noVhostConfiguredMeansOneDefaultVhostOn7681() {
		var vhosts = io.lws.spring.boot.autoconfigure.config.LwsServerDefinitionFactory.vhosts(new LwsProperties());
		assertThat(vhosts).containsOnlyKeys("default");
		assertThat(vhosts.get("default").getPort()).isEqualTo(7681);
	}

	@Test
	void stopsTheServerWithTheApplicationContext() {
		List<LwsContext> contexts = new ArrayList<>();
		this.runner.run((context) -> contexts.add(context.getBean(LwsServer.class).context()));
		assertThat(contexts.get(0).isDestroyed()).isTrue();
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("lws.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LwsServer.class)
				.doesNotHaveBean(LwsServerLifecycle.class));
	}

	@Test
	void immediateShutdownHasNoGracefulLifecycle() {
		this.runner.withPropertyValues("lws.shutdown=immediate")
			.run((context) -> assertThat(context).hasSingleBean(LwsServerLifecycle.class)
				.doesNotHaveBean(LwsGracefulShutdownLifecycle.class));
	}

	@Test
	void backsOffWhenTheUserDefinesTheServer() {
		this.runner.withUserConfiguration(UserServer.class)
			.run((context) -> assertThat(context).hasSingleBean(LwsServer.class).hasBean("myServer"));
	}

	@Test
	void bindsContextProperties() {
		this.runner
			.withPropertyValues("lws.service-threads=2", "lws.header-pool.size=7", "lws.header-pool.data-size=2KB",
					"lws.header-pool.idle-timeout=3s", "lws.server-string=me", "lws.service-buffer-size=8KB",
					"lws.tx-buffer-limit=1MB", "lws.tx-stall-timeout=7s", "lws.token-limits.host=128",
					"lws.tcp-notsent-lowat=128KB", "lws.tcp-keepalive.time=30s", "lws.tcp-keepalive.probes=3",
					"lws.tcp-keepalive.interval=5s")
			.run((context) -> {
				var info = context.getBean(LwsServer.class).context().info();
				assertThat(info.countThreads()).isEqualTo(2);
				assertThat(info.maxHttpHeaderPool()).isEqualTo(7);
				assertThat(info.maxHttpHeaderData()).isEqualTo(2048);
				assertThat(info.timeoutSecsAhIdle()).isEqualTo(3);
				assertThat(info.serverString()).isEqualTo("me");
				assertThat(info.ptServBufSize()).isEqualTo(8192);
				assertThat(info.txBufferLimit()).isEqualTo(1024 * 1024);
				assertThat(info.txStallTimeoutSecs()).isEqualTo(7);
				assertThat(info.tokenLimits().limit(io.lws.core.HeaderToken.HOST)).isEqualTo(128);
				assertThat(info.tcpNotSentLowat()).isEqualTo(128 * 1024);
				assertThat(info.kaTime()).isEqualTo(30);
				assertThat(info.kaProbes()).isEqualTo(3);
				assertThat(info.kaInterval()).isEqualTo(5);
			});
	}

	@Test
	void bindsVhostProperties() {
		this.runner.withUserConfiguration(Echo.class)
			.withPropertyValues("lws.vhosts.default.keepalive-timeout=9s", "lws.vhosts.default.timeout=4s",
					"lws.vhosts.default.max-message-size=64KB", "lws.vhosts.default.ping-pong-interval=30s",
					"lws.vhosts.default.iface=127.0.0.1", "lws.vhosts.default.protocols=http-only,echo",
					"lws.vhosts.default.pvo.echo.greeting=hi", "lws.vhosts.default.options=validate-utf8",
					"lws.vhosts.default.mounts[0].mountpoint=/", "lws.vhosts.default.mounts[0].origin=classpath:/www/",
					"lws.vhosts.default.mounts[0].default=page.html", "lws.vhosts.default.mounts[0].cache-max-age=60s",
					"lws.vhosts.default.mounts[0].cache-reusable=true",
					"lws.vhosts.default.mounts[0].extra-mime-types.md=text/markdown")
			.run((context) -> {
				LwsVhost vhost = context.getBean(LwsServer.class).context().vhost("default");
				var info = vhost.info();
				assertThat(info.keepaliveTimeout()).isEqualTo(9);
				assertThat(info.timeoutSecs()).isEqualTo(4);
				assertThat(info.maxMessageSize()).isEqualTo(65536);
				assertThat(info.pingPongInterval()).isEqualTo(30);
				assertThat(info.iface()).isEqualTo("127.0.0.1");
				assertThat(info.has(io.lws.core.ServerOption.VALIDATE_UTF8)).isTrue();
				assertThat(vhost.protocols()).extracting("name").containsExactly("http-only", "echo");
				assertThat(vhost.protocol("echo").rxBufferSize()).isEqualTo(4096);
				assertThat(vhost.protocolOptions("echo")).containsEntry("greeting", "hi");
				var mount = vhost.mounts().get(0);
				assertThat(mount.defaultDocument()).isEqualTo("page.html");
				assertThat(mount.cacheMaxAge()).isEqualTo(60);
				assertThat(mount.cacheReusable()).isTrue();
				assertThat(mount.extraMimeTypes()).containsEntry(".md", "text/markdown");
			});
	}

	@Test
	void customizersAreAppliedInOrder() {
		this.runner.withUserConfiguration(Customizers.class).run((context) -> {
			LwsContext ctx = context.getBean(LwsServer.class).context();
			assertThat(ctx.info().serverString()).isEqualTo("second");
			assertThat(ctx.vhost("default").info().logFilepath()).isNull();
			assertThat(ctx.vhost("default").info().keepaliveTimeout()).isEqualTo(42);
			assertThat(context.getBean(Customizers.class).seen).containsExactly("first", "second", "default");
		});
	}

	@Test
	void aVhostWithoutProtocolsGetsEveryProtocolBeanMeantForItInOrder() {
		this.runner.withUserConfiguration(OrderedProtocols.class)
			.withPropertyValues("lws.vhosts.other.port=0")
			.run((context) -> {
				LwsContext ctx = context.getBean(LwsServer.class).context();
				assertThat(ctx.vhost("default").protocols()).extracting("name").containsExactly("first", "second");
				assertThat(ctx.vhost("other").protocols()).extracting("name")
					.containsExactly("first", "only-other", "second");
			});
	}

	@Test
	void theAnnotationsAttributesAreTheProtocolsSettings() {
		this.runner.withUserConfiguration(OrderedProtocols.class)
			.withPropertyValues("lws.vhosts.other.port=0")
			.run((context) -> {
				LwsVhost vhost = context.getBean(LwsServer.class).context().vhost("default");
				io.lws.core.LwsProtocol<?> first = vhost.protocol("first");
				assertThat(first.rxBufferSize()).isEqualTo(io.lws.core.LwsProtocol.DEFAULT_RX_BUFFER_SIZE);
				assertThat(first.wholeMessageLimit()).isZero();
				assertThat(first.validatesUtf8()).isTrue();
				io.lws.core.LwsProtocol<?> second = vhost.protocol("second");
				assertThat(second.rxBufferSize()).isEqualTo(512);
				assertThat(second.id()).isEqualTo(7);
				assertThat(second.wholeMessageLimit()).isEqualTo(65536);
				assertThat(second.validatesUtf8()).isFalse();
			});
	}

	@Test
	void plainLwsProtocolBeansAreAccepted() {
		this.runner.withUserConfiguration(PlainProtocol.class)
			.withPropertyValues("lws.vhosts.default.protocols=plain")
			.run((context) -> assertThat(context.getBean(LwsServer.class).context().vhost("default").protocol("plain"))
				.isSameAs(context.getBean(io.lws.core.LwsProtocol.class)));
	}

	@Test
	void duplicateProtocolNamesFail() {
		this.runner.withUserConfiguration(Echo.class, DuplicateEcho.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidLwsConfigurationException.class)
				.hasMessage("protocol 'echo': both bean 'io.lws.spring.boot.autoconfigure.EchoProtocol' and bean "
						+ "'duplicateEcho' declare it");
		});
	}

	@Test
	void unknownProtocolFails() {
		this.runner.withUserConfiguration(Echo.class)
			.withPropertyValues("lws.vhosts.default.protocols=echo,ehco")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidLwsConfigurationException.class)
				.hasMessage("lws.vhosts.default.protocols[1]: no protocol is called 'ehco' "
						+ "(known protocols: [echo, http-only])"));
	}

	@Test
	void aMisspeltKeyFailsNamingIt() {
		for (String key : new String[] { "lws.vhosts.default.ssl.certficate=/etc/hostname", "lws.vhosts.default.prot=1",
				"lws.header-pool.sise=4", "lws.vhosts.default.mounts[0].defualt=x.html" }) {
			this.runner.withUserConfiguration(Echo.class)
				.withPropertyValues("lws.vhosts.default.port=0", key)
				.run((context) -> {
					assertThat(context).as(key).hasFailed();
					assertThat(context.getStartupFailure()).as(key)
						.hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
						.rootCause()
						.hasMessageContaining(key.substring(0, key.indexOf('=')));
				});
		}
	}

	@Test
	void protocolNamingAnUnknownVhostFails() {
		this.runner.withUserConfiguration(OrderedProtocols.class)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("@LwsProtocol(name = \"only-other\").vhosts: names vhost 'other', which is not "
						+ "configured (vhosts: [default])"));
	}

	@Test
	void permessageDeflateIsConfiguredPerVhostWithItsOptions() {
		this.runner.withPropertyValues("lws.vhosts.default.extensions.permessage-deflate.enabled=true",
				"lws.vhosts.default.extensions.permessage-deflate.client-no-context-takeover=true",
				"lws.vhosts.default.extensions.permessage-deflate.server-max-window-bits=12",
				"lws.vhosts.default.extensions.permessage-deflate.compression-level=6",
				"lws.vhosts.default.extensions.permessage-deflate.tx-buf-size=8192",
				"lws.vhosts.other.port=0", "lws.vhosts.other.extensions.permessage-deflate.enabled=false")
			.run((context) -> {
				var ctx = context.getBean(LwsServer.class).context();
				var extensions = ctx.vhost("default").info().extensions();
				assertThat(extensions).hasSize(1);
				var pmd = (io.lws.core.ext.pmd.PerMessageDeflate) extensions.get(0);
				assertThat(pmd.clientNoContextTakeover()).isTrue();
				assertThat(pmd.serverNoContextTakeover()).isFalse();
				assertThat(pmd.serverMaxWindowBits()).isEqualTo(12);
				assertThat(pmd.compressionLevel()).isEqualTo(6);
				assertThat(pmd.txBufSize()).isEqualTo(8192);
				assertThat(ctx.vhost("other").info().extensions()).isEmpty();
			});
	}

	@Test
	void httpProxyIsAVhostSettingAndABadOneFailsStartup() {
		this.runner.withPropertyValues("lws.vhosts.default.http-proxy=user:pw@proxy.example:3128").run((context) -> {
			var info = context.getBean(LwsServer.class).context().vhost("default").info();
			assertThat(info.httpProxyAddress()).isEqualTo("user:pw@proxy.example:3128");
		});
		this.runner.withPropertyValues("lws.vhosts.default.http-proxy=proxy.example")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Vhost 'default': http_proxy_address")
				.rootCause()
				.hasMessageContaining("A proxy is host:port"));
	}

	@Test
	void badExtensionSettingsFailNamingTheKey() {
		this.runner.withPropertyValues("lws.vhosts.default.extensions.permessage-deflate.server-max-window-bits=16")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidLwsConfigurationException.class)
				.hasMessage("lws.vhosts.default.extensions.permessage-deflate: server_max_window_bits must be 8 to "
						+ "15, not 16"));
		this.runner.withPropertyValues("lws.vhosts.default.extensions.permessage-deflate.window=9")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageStartingWith("lws.vhosts.default.extensions.permessage-deflate: 'window' is not a "
						+ "permessage-deflate option"));
		this.runner.withPropertyValues("lws.vhosts.default.extensions.permessage-deflate.enabled=yes")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("lws.vhosts.default.extensions.permessage-deflate.enabled: must be true or false, not "
						+ "'yes'"));
		this.runner.withPropertyValues("lws.vhosts.default.extensions.x-webkit-deflate-frame.enabled=true")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("lws.vhosts.default.extensions.x-webkit-deflate-frame: 'x-webkit-deflate-frame' is not "
						+ "an extension lws provides (it provides permessage-deflate)"));
	}

	@Test
	void missingMountOriginFails() {
		this.runner.withPropertyValues("lws.vhosts.default.mounts[0].mountpoint=/",
				"lws.vhosts.default.mounts[0].origin=classpath:/no-such-folder/")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("lws.vhosts.default.mounts[0].origin: class-path location 'classpath:/no-such-folder/' "
						+ "does not exist"));
	}

	@Test
	void missingMountDirectoryFails() {
		this.runner.withPropertyValues("lws.vhosts.default.mounts[0].mountpoint=/",
				"lws.vhosts.default.mounts[0].origin=/no/such/dir")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageStartingWith("lws.vhosts.default.mounts[0].origin: directory '/no/such/dir' cannot be "
						+ "served: "));
	}

	@Test
	void callbackMountForAProtocolTheVhostLacksFails() {
		this.runner.withUserConfiguration(Echo.class)
			.withPropertyValues("lws.vhosts.default.protocols=http-only", "lws.vhosts.default.mounts[0].mountpoint=/ws",
					"lws.vhosts.default.mounts[0].origin=echo", "lws.vhosts.default.mounts[0].origin-protocol=callback")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("lws.vhosts.default.mounts[0].origin: callback mount names protocol 'echo', which this "
						+ "vhost does not have (it has [http-only])"));
	}

	@Test
	void badValuesAreRefusedNamingTheKey() {
		assertFailure("lws.service-threads=-1", "lws.service-threads: must be at least 0, not -1");
		assertFailure("lws.header-pool.size=0", "lws.header-pool.size: must be at least 1, not 0");
		assertFailure("lws.header-pool.data-size=100B", "lws.header-pool.data-size: must be at least 256B, not 100B");
		assertFailure("lws.vhosts.default.timeout=500ms",
				"lws.vhosts.default.timeout: must be a whole number of seconds, not PT0.5S");
		assertFailure("lws.vhosts.default.timeout=-3s", "lws.vhosts.default.timeout: must not be negative, not -3s");
		assertFailure("lws.options=sts", "lws.options: sts is a vhost option, which has no effect here");
		assertFailure("lws.vhosts.default.options=skip-server-canonical-name",
				"lws.vhosts.default.options: skip-server-canonical-name is a context option, which has no effect here");
		assertFailure("lws.vhosts.default.keepalive-timeout=0s",
				"lws.vhosts.default.keepalive-timeout: must be at least 1s, not 0s");
		assertFailure("lws.vhosts.default.port=70000",
				"lws.vhosts.default.port: must be -1 (no listener), 0 (any free port) or 1-65535, not 70000");
	}

	@Test
	void twoVhostsOnOnePortAndInterfaceShareTheListener() throws Exception {
		int port = freePort();
		this.runner.withPropertyValues("lws.vhosts.default.port=" + port, "lws.vhosts.other.port=" + port)
			.run((context) -> {
				LwsContext ctx = context.getBean(LwsServer.class).context();
				assertThat(ctx.vhost("other").listenPort()).isEqualTo(port);
				assertThat(ctx.vhost("default").listenPort()).isEqualTo(port);
			});
	}

	@Test
	void samePortOnAllInterfacesAndOneInterfaceClashes() {
		this.runner.withPropertyValues("lws.vhosts.default.port=7999", "lws.vhosts.other.port=7999",
				"lws.vhosts.other.iface=127.0.0.1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("lws.vhosts.other.port: port 7999 on '127.0.0.1' clashes with vhost 'default' on port "
						+ "7999 on all interfaces"));
	}

	@Test
	void aPortInUseFailsWithAnAnalysisNamingVhostAndPort() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			int port = taken.getLocalPort();
			this.runner.withPropertyValues("lws.vhosts.default.port=" + port).run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				LwsPortInUseException ex = findCause(failure, LwsPortInUseException.class);
				assertThat(ex.getVhost()).isEqualTo("default");
				assertThat(ex.getPort()).isEqualTo(port);
				FailureAnalysis analysis = new LwsPortInUseFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).startsWith("lws vhost 'default' failed to start: port " + port
						+ " is already in use or cannot be bound");
				assertThat(analysis.getAction()).isEqualTo("Identify and stop the process that is listening on port "
						+ port + " or set lws.vhosts.default.port to another port.");
			});
		}
	}

	@Test
	void anAddressOfAnotherHostIsReportedAsTheIfaceNotThePort() {
		// 192.0.2.1 (TEST-NET-1, RFC 5737) is no address of this host: binding it fails with EADDRNOTAVAIL
		this.runner.withPropertyValues("lws.vhosts.default.port=0", "lws.vhosts.default.iface=192.0.2.1")
			.run((context) -> {
				FailureAnalysis analysis = new LwsPortInUseFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("cannot listen on the address it was given");
				assertThat(analysis.getAction()).startsWith("Set lws.vhosts.default.iface to an address");
			});
	}

	@Test
	void settingsOnlyTheEngineCanCheckAreReportedWithTheirKey(@TempDir Path dir) {
		String[][] cases = {
				{ "lws.vhosts.default.log-file=" + dir.resolve("missing/x.log"), "lws.vhosts.default.log-file" },
				{ "lws.vhosts.default.http-proxy=::garbage::", "lws.vhosts.default.http-proxy" },
				{ "lws.vhosts.default.iface=nosuchiface0", "lws.vhosts.default.iface" } };
		for (String[] c : cases) {
			this.runner.withPropertyValues("lws.vhosts.default.port=0", c[0]).run((context) -> {
				assertThat(context).as(c[0]).hasFailed();
				FailureAnalysis analysis = new LwsVhostStartFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).as(c[0]).isNotNull();
				assertThat(analysis.getDescription()).as(c[0]).startsWith("lws vhost 'default' failed to start: ");
				assertThat(analysis.getAction()).as(c[0])
					.isEqualTo("Fix " + c[1] + " (docs/configuration.md describes it).");
			});
		}
	}

	@Test
	void invalidConfigurationIsExplainedInTheFailureReport() {
		this.runner.withPropertyValues("lws.header-pool.size=0").run((context) -> {
			FailureAnalysis analysis =
					new io.lws.spring.boot.autoconfigure.config.InvalidLwsConfigurationFailureAnalyzer()
						.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("Invalid lws configuration: lws.header-pool.size: must be at least 1, not 0.");
			assertThat(analysis.getAction()).isEqualTo("Set lws.header-pool.size to 1 or more.");
		});
	}

	private void assertFailure(String property, String message) {
		this.runner.withPropertyValues(property)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidLwsConfigurationException.class)
				.hasMessage(message));
	}

	public static int freePort() throws Exception {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserServer {

		@Bean
		LwsServer myServer() {
			return new LwsServer("lws", () -> {
				throw new IllegalStateException("not started in this test");
			}) {
				@Override
				public synchronized void start() {
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(EchoProtocol.class)
	static class Echo {

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateEcho {

		@Bean
		io.lws.core.LwsProtocol<Object> duplicateEcho() {
			return io.lws.core.LwsProtocol.of("echo", new LwsProtocolHandler<>() {
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainProtocol {

		@Bean
		io.lws.core.LwsProtocol<Object> plain() {
			return io.lws.core.LwsProtocol.of("plain", new LwsProtocolHandler<>() {
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ SecondProtocol.class, FirstProtocol.class, OnlyOtherProtocol.class })
	static class OrderedProtocols {

	}

	@LwsProtocol(name = "second", rxBufferSize = 512, id = 7, wholeMessages = 65536, validateUtf8 = false)
	@Order(2)
	static class SecondProtocol implements LwsProtocolHandler<Void> {

	}

	@LwsProtocol(name = "first")
	@Order(1)
	static class FirstProtocol implements LwsProtocolHandler<Void> {

	}

	@LwsProtocol(name = "only-other", vhosts = "other")
	@Order(1)
	static class OnlyOtherProtocol implements LwsProtocolHandler<Void> {

	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		final List<String> seen = new ArrayList<>();

		@Bean
		@Order(2)
		LwsContextCustomizer second() {
			return (builder) -> {
				this.seen.add("second");
				builder.serverString("second");
			};
		}

		@Bean
		@Order(1)
		LwsContextCustomizer first() {
			return (builder) -> {
				this.seen.add("first");
				builder.serverString("first");
			};
		}

		@Bean
		LwsVhostCustomizer vhost() {
			return (name, builder) -> {
				this.seen.add(name);
				builder.keepaliveTimeout(42);
			};
		}

	}

}
