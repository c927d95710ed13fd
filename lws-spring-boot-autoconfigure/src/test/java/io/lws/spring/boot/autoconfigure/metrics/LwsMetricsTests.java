package io.lws.spring.boot.autoconfigure.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.lws.spring.boot.autoconfigure.LwsAutoConfiguration;
import io.lws.spring.boot.autoconfigure.EchoProtocol;
import io.lws.spring.boot.autoconfigure.WsClient;
import io.lws.spring.boot.autoconfigure.config.InvalidLwsConfigurationException;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LwsMetricsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, LwsAutoConfiguration.class,
				LwsMetricsAutoConfiguration.class))
		.withUserConfiguration(EchoProtocol.class)
		.withPropertyValues("lws.vhosts.default.port=0");

	@Test
	void noMetricsWithoutARegistry() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(MicrometerMetricsRecorder.class));
	}

	@Test
	void managementMetricsEnableLwsFalseTurnsEveryMeterOff() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("management.metrics.enable.lws=false")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				try (WsClient client = new WsClient(context.getBean(LwsServer.class).port(), "echo")) {
					assertThat(client.echo("one")).isEqualTo("one");
				}
				assertThat(registry.getMeters()).filteredOn((m) -> m.getId().getName().startsWith("lws."))
					.isEmpty();
			});
	}

	@Test
	void backsOffForAUserRecorder() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("myRecorder", io.lws.core.metrics.MetricsRecorder.class,
					() -> io.lws.core.metrics.MetricsRecorder.NONE)
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerMetricsRecorder.class)
				.hasBean("myRecorder"));
	}

	@Test
	void aClosedConnectionsLifetimeIsRecordedBeforeItIsCounted() {
		List<Long> lifetimesSeenAtEachClose = new ArrayList<>();
		SimpleMeterRegistry registry = new SimpleMeterRegistry() {
			@Override
			protected Counter newCounter(Meter.Id id) {
				Counter counter = super.newCounter(id);
				if (!id.getName().equals(LwsMeters.CONNECTIONS_CLOSED.getName())) {
					return counter;
				}
				MeterRegistry self = this;
				return new Counter() {
					@Override
					public void increment(double amount) {
						Timer lifetimes = self.get(LwsMeters.CONNECTIONS_DURATION.getName()).timer();
						lifetimesSeenAtEachClose.add(lifetimes.count());
						counter.increment(amount);
					}

					@Override
					public double count() {
						return counter.count();
					}

					@Override
					public Meter.Id getId() {
						return counter.getId();
					}
				};
			}
		};
		MicrometerMetricsRecorder recorder = new MicrometerMetricsRecorder(registry);
		recorder.connectionOpened("default");
		recorder.connectionClosed("default", TimeUnit.MILLISECONDS.toNanos(5));
		recorder.connectionClosed("default", TimeUnit.MILLISECONDS.toNanos(7));
		assertThat(lifetimesSeenAtEachClose).containsExactly(1L, 2L);
	}

	@Test
	void metersMoveWithTraffic() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(context.getBean(LwsServer.class).context().info().metricsRecorder())
				.isSameAs(context.getBean(MicrometerMetricsRecorder.class));
			int port = context.getBean(LwsServer.class).port();
			assertThat(registry.get(LwsMeters.HEADER_POOL_MAX.getName()).gauge().value()).isEqualTo(32);
			try (WsClient client = new WsClient(port, "echo")) {
				assertThat(client.echo("one")).isEqualTo("one");
				assertThat(client.echo("two")).isEqualTo("two");
				assertThat(registry.get(LwsMeters.CONNECTIONS_ACTIVE.getName()).tag("vhost", "default").gauge().value())
					.isEqualTo(1);
				assertThat(registry.get(LwsMeters.SERVICE_CONNECTIONS.getName()).tag("thread", "lws-service-0").gauge()
					.value()).isEqualTo(1);
				assertThat(registry.get(LwsMeters.SERVICE_TASKS_PENDING.getName()).tag("thread", "lws-service-0")
					.gauge().value()).isNotNegative();
			}
			awaitCount(registry, LwsMeters.CONNECTIONS_CLOSED.getName(), 1);
			assertThat(registry.get(LwsMeters.CONNECTIONS_OPENED.getName()).tag("vhost", "default").counter().count())
				.isEqualTo(1);
			assertThat(registry.get(LwsMeters.CONNECTIONS_DURATION.getName()).tag("vhost", "default").timer().count())
				.isEqualTo(1);
			assertThat(registry.get(LwsMeters.MESSAGES_RECEIVED.getName()).tag("protocol", "echo").functionCounter()
				.count()).isEqualTo(2);
			assertThat(registry.get(LwsMeters.MESSAGES_SENT.getName()).tag("protocol", "echo").functionCounter()
				.count()).isEqualTo(2);
			assertThat(registry.get(LwsMeters.BYTES_RECEIVED.getName()).functionCounter().count()).isPositive();
			assertThat(registry.get(LwsMeters.BYTES_SENT.getName()).functionCounter().count()).isPositive();
			assertThat(registry.get(LwsMeters.HANDSHAKES.getName()).tag("vhost", "default").counter().count())
				.isEqualTo(1);
			// the handshake held a header buffer until the upgrade, and gave it back
			assertThat(registry.get(LwsMeters.HEADER_POOL_USAGE.getName()).timer().count()).isEqualTo(1);
			assertThat(registry.get(LwsMeters.HEADER_POOL_ACTIVE.getName()).gauge().value()).isZero();
			assertThat(registry.get(LwsMeters.CLOSES.getName()).tag("protocol", "echo").counter().count()).isEqualTo(1);
			assertThat(registry.get(LwsMeters.SERVICE_THREADS.getName()).gauge().value()).isEqualTo(1);
			assertThat(registry.get(LwsMeters.SERVICE_THREADS_ALIVE.getName()).gauge().value()).isEqualTo(1);
			assertThat(registry.get(LwsMeters.CONNECTIONS_ACTIVE.getName()).tag("vhost", "default").gauge().value())
				.isZero();
		});
	}

	@Test
	void everyMeterIsRegisteredAsLwsMetersDocumentsIt() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			try (WsClient client = new WsClient(context.getBean(LwsServer.class).port(), "echo")) {
				assertThat(client.echo("one")).isEqualTo("one");
			}
			awaitCount(registry, LwsMeters.CLOSES.getName(), 1);
			// the meters plain echo traffic does not reach
			MicrometerMetricsRecorder recorder = context.getBean(MicrometerMetricsRecorder.class);
			recorder.tlsHandshake("default", "ok");
			recorder.timeout("AWAITING_PROXY_RESPONSE");
			recorder.httpResponse("default", 404);
			recorder.connectionRejected("default", "limit");
			awaitTimer(registry, LwsMeters.SERVICE_LOOP_LAG.getName());
			List<String> mismatches = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (Meter meter : registry.getMeters()) {
				Meter.Id id = meter.getId();
				LwsMeters documented = Arrays.stream(LwsMeters.values())
					.filter((m) -> m.getName().equals(id.getName()))
					.findFirst()
					.orElse(null);
				if (documented == null) {
					assertThat(id.getName()).as("an lws meter missing from LwsMeters").doesNotStartWith("lws.");
					continue;
				}
				seen.add(documented.getName());
				Set<String> keys = id.getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
				if (id.getType() != documented.getType() || !keys.equals(keyNames(documented))
						|| !Objects.equals(id.getBaseUnit(), documented.getBaseUnit())
						|| !documented.getDescription().equals(id.getDescription())) {
					mismatches.add(id + " against " + documented);
				}
			}
			assertThat(mismatches).isEmpty();
			assertThat(seen).containsExactlyInAnyOrderElementsOf(
					Arrays.stream(LwsMeters.values()).map(LwsMeters::getName).toList());
		});
	}

	@Test
	void docsListEveryMeterWithItsTypeUnitAndTags() throws Exception {
		// the meter table: from its header row to the first line after it that is not a table row
		String page = Files.readString(Path.of("../docs/metrics.md"));
		String table = page.substring(page.indexOf("| name | type | unit | tags |"));
		String docs = table.lines().takeWhile((l) -> l.startsWith("|")).collect(Collectors.joining("\n"));
		List<String> missing = new ArrayList<>();
		for (LwsMeters meter : LwsMeters.values()) {
			String type = switch (meter.getType()) {
				case GAUGE -> "gauge";
				case TIMER -> "timer";
				default -> "counter";
			};
			String unit = (meter.getBaseUnit() != null) ? meter.getBaseUnit() : "—";
			String tags = keyNames(meter).isEmpty() ? "—"
					: Arrays.stream(meter.getKeyNames())
						.map((k) -> "`" + k.asString() + "`")
						.collect(Collectors.joining(", "));
			String row = "| `" + meter.getName() + "` | " + type + " | " + unit + " | " + tags + " |";
			if (!docs.contains(row)) {
				missing.add(row);
			}
		}
		assertThat(missing).as("rows missing from docs/metrics.md").isEmpty();
		assertThat(docs.lines().filter((l) -> l.startsWith("| `")).count()).isEqualTo(LwsMeters.values().length);
	}

	@Test
	void aBinderBoundAfterTheStartGetsTheVhostGaugesAtOnceWithItsCommonTags() {
		this.runner.run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			try (LwsMetricsBinder binder = new LwsMetricsBinder(context.getBean(LwsServer.class),
					Tags.of("app", "y"))) {
				binder.bindTo(registry);
				assertThat(registry.get(LwsMeters.CONNECTIONS_ACTIVE.getName()).tag("vhost", "default").gauge()
					.value()).isZero();
				assertThat(registry.get(LwsMeters.HEADER_POOL_MAX.getName()).gauge().value()).isEqualTo(32);
				assertThat(registry.get(LwsMeters.SERVICE_CONNECTIONS.getName()).tag("thread", "lws-service-0").gauge()
					.value()).isZero();
				assertThat(registry.get(LwsMeters.SERVICE_LOOP_LAG.getName()).tag("thread", "lws-service-0").timer())
					.isNotNull();
				for (Meter meter : registry.getMeters()) {
					assertThat(meter.getId().getTag("app")).as(meter.getId().getName()).isEqualTo("y");
				}
			}
		});
	}

	@Test
	void recorderCommonTagsGoOnEveryMeter() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerMetricsRecorder recorder = new MicrometerMetricsRecorder(registry, Tags.of("app", "x"));
		recorder.connectionOpened("v");
		recorder.messageIn("p");
		recorder.handshake("v", "success");
		recorder.httpResponse("v", 200);
		for (Meter meter : registry.getMeters()) {
			assertThat(meter.getId().getTag("app")).as(meter.getId().getName()).isEqualTo("x");
		}
		assertThat(registry.get(LwsMeters.HANDSHAKES.getName()).tag("vhost", "v").tag("result", "success").counter()
			.count()).isEqualTo(1);
	}

	@Test
	void loopLagShowsACallbackThatBlocksItsServiceThread() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(SlowEchoProtocol.class)
			.withPropertyValues("lws.metrics.loop-lag-interval=50ms")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				Timer lag = awaitTimer(registry, LwsMeters.SERVICE_LOOP_LAG.getName());
				assertThat(lag.getId().getTag("thread")).isEqualTo("lws-service-0");
				try (WsClient client = new WsClient(context.getBean(LwsServer.class).port(), "slow-echo")) {
					assertThat(client.echo("one")).isEqualTo("one");
				}
				// the probe posted while the callback slept ran when it returned
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
				while (lag.max(TimeUnit.MILLISECONDS) < SlowEchoProtocol.BLOCK_MILLIS - 100
						&& System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				assertThat(lag.max(TimeUnit.MILLISECONDS)).isGreaterThan(SlowEchoProtocol.BLOCK_MILLIS - 100);
			});
	}

	@Test
	void aZeroLoopLagIntervalMeansNoProbe() {
		Set<Thread> before = probeThreads();
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("lws.metrics.loop-lag-interval=0")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find(LwsMeters.SERVICE_CONNECTIONS.getName()).gauge()).isNotNull();
				assertThat(registry.find(LwsMeters.SERVICE_LOOP_LAG.getName()).timer()).isNull();
				assertThat(probeThreads()).as("probe threads this context started").isSubsetOf(before);
			});
	}

	@Test
	void theProbeThreadEndsWithTheContext() throws Exception {
		Set<Thread> before = probeThreads();
		Set<Thread> started = new HashSet<>();
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			started.addAll(probeThreads());
			started.removeAll(before);
		});
		assertThat(started).as("probe threads this context started").hasSize(1);
		for (Thread probe : started) {
			probe.join(TimeUnit.SECONDS.toMillis(5));
			assertThat(probe.isAlive()).as("the context's lws-loop-lag-probe thread is alive").isFalse();
		}
	}

	@Test
	void aNegativeLoopLagIntervalFailsStartUp() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("lws.metrics.loop-lag-interval=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidLwsConfigurationException.class)
				.hasMessageContaining("lws.metrics.loop-lag-interval"));
	}

	/**
	 * The loop-lag probe threads alive now: other tests' contexts (a {@code @SpringBootTest}'s stays cached) may have
	 * theirs, so a test looks only at those its own context started.
	 */
	private static Set<Thread> probeThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((t) -> t.getName().equals("lws-loop-lag-probe") && t.isAlive())
			.collect(Collectors.toSet());
	}

	private static Timer awaitTimer(MeterRegistry registry, String name) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			Timer timer = registry.find(name).timer();
			if (timer != null && timer.count() > 0) {
				return timer;
			}
			Thread.sleep(20);
		}
		throw new AssertionError(name + " recorded nothing");
	}

	private static Set<String> keyNames(LwsMeters meter) {
		return Arrays.stream(meter.getKeyNames()).map(KeyName::asString).collect(Collectors.toSet());
	}

	@Test
	void httpResponsesAreCountedByVhostAndStatus() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerMetricsRecorder recorder = new MicrometerMetricsRecorder(registry);
		recorder.httpResponse("a", 200);
		recorder.httpResponse("a", 200);
		recorder.httpResponse("a", 404);
		recorder.httpResponse("b", 200);
		recorder.httpResponse("a", 99);
		recorder.httpResponse("a", 600);
		assertThat(count(registry, "a", "200")).isEqualTo(2);
		assertThat(count(registry, "a", "404")).isEqualTo(1);
		assertThat(count(registry, "b", "200")).isEqualTo(1);
		assertThat(count(registry, "a", "other")).isEqualTo(2);
	}

	private static double count(MeterRegistry registry, String vhost, String status) {
		return registry.get(LwsMeters.HTTP_RESPONSES.getName()).tag("vhost", vhost).tag("status", status).counter()
			.count();
	}

	@Test
	void closeCodesAreBucketedAndCountedByProtocolAndInitiator() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerMetricsRecorder recorder = new MicrometerMetricsRecorder(registry);
		recorder.webSocketClosed("echo", 1001, "remote");
		recorder.webSocketClosed("echo", 1001, "remote");
		recorder.webSocketClosed("echo", 1001, "local");
		recorder.webSocketClosed("chat", 1001, "remote");
		recorder.webSocketClosed("echo", 3123, "local");
		recorder.webSocketClosed("echo", 3999, "local");
		recorder.webSocketClosed("echo", 4999, "remote");
		recorder.webSocketClosed("echo", 1016, "remote");
		recorder.webSocketClosed("echo", 65535, "remote");
		recorder.webSocketClosed("echo", 999, "remote");
		recorder.webSocketClosed(null, 1000, null);
		assertThat(closes(registry, "echo", "1001", "remote")).isEqualTo(2);
		assertThat(closes(registry, "echo", "1001", "local")).isEqualTo(1);
		assertThat(closes(registry, "chat", "1001", "remote")).isEqualTo(1);
		assertThat(closes(registry, "echo", "3xxx", "local")).isEqualTo(2);
		assertThat(closes(registry, "echo", "4xxx", "remote")).isEqualTo(1);
		assertThat(closes(registry, "echo", "invalid", "remote")).isEqualTo(3);
		assertThat(closes(registry, "none", "1000", "none")).isEqualTo(1);
		assertThat(registry.find(LwsMeters.CLOSES.getName()).counters()).hasSize(7);
	}

	private static double closes(MeterRegistry registry, String protocol, String code, String initiator) {
		return registry.get(LwsMeters.CLOSES.getName()).tag("protocol", protocol).tag("code", code)
			.tag("initiator", initiator).counter().count();
	}

	@Test
	void resultsAndReasonsAreCountedByVhostAndValue() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerMetricsRecorder recorder = new MicrometerMetricsRecorder(registry);
		recorder.handshake("a", "success");
		recorder.handshake("a", "success");
		recorder.handshake("a", "bad_version");
		recorder.handshake("b", "success");
		recorder.handshake(null, null);
		recorder.tlsHandshake("a", "ok");
		recorder.tlsHandshake("a", "failed");
		recorder.connectionRejected("a", "limit");
		recorder.connectionRejected("b", "filtered");
		recorder.timeout("AWAITING_PROXY_RESPONSE");
		recorder.timeout("AWAITING_PROXY_RESPONSE");
		recorder.timeout(null);
		assertThat(byVhost(registry, LwsMeters.HANDSHAKES, "a", "result", "success")).isEqualTo(2);
		assertThat(byVhost(registry, LwsMeters.HANDSHAKES, "a", "result", "bad_version")).isEqualTo(1);
		assertThat(byVhost(registry, LwsMeters.HANDSHAKES, "b", "result", "success")).isEqualTo(1);
		assertThat(byVhost(registry, LwsMeters.HANDSHAKES, "none", "result", "none")).isEqualTo(1);
		assertThat(byVhost(registry, LwsMeters.TLS_HANDSHAKES, "a", "result", "ok")).isEqualTo(1);
		assertThat(byVhost(registry, LwsMeters.TLS_HANDSHAKES, "a", "result", "failed")).isEqualTo(1);
		assertThat(byVhost(registry, LwsMeters.CONNECTIONS_REJECTED, "a", "reason", "limit")).isEqualTo(1);
		assertThat(byVhost(registry, LwsMeters.CONNECTIONS_REJECTED, "b", "reason", "filtered")).isEqualTo(1);
		assertThat(registry.get(LwsMeters.TIMEOUTS.getName()).tag("reason", "AWAITING_PROXY_RESPONSE").counter()
			.count()).isEqualTo(2);
		assertThat(registry.get(LwsMeters.TIMEOUTS.getName()).tag("reason", "none").counter().count()).isEqualTo(1);
	}

	private static double byVhost(MeterRegistry registry, LwsMeters meter, String vhost, String key, String value) {
		return registry.get(meter.getName()).tag("vhost", vhost).tag(key, value).counter().count();
	}

	private static void awaitCount(MeterRegistry registry, String name, double count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			var counter = registry.find(name).counter();
			if (counter != null && counter.count() >= count) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError(name + " did not reach " + count);
	}

}
