package io.lws.spring.boot.autoconfigure.metrics;

import java.time.Duration;

import io.lws.core.metrics.MetricsRecorder;
import io.lws.spring.boot.autoconfigure.LwsAutoConfiguration;
import io.lws.spring.boot.autoconfigure.LwsProperties;
import io.lws.spring.boot.autoconfigure.config.InvalidLwsConfigurationException;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for lws meters in Micrometer: the engine's
 * {@link MetricsRecorder} SPI, and a {@link LwsMetricsBinder} of gauges over the context (connections, the header
 * "ah" pool, service threads) and of each service thread's loop lag, which Spring Boot's metrics support binds to the
 * registry. Needs a {@link MeterRegistry} bean; without Micrometer the server runs with {@link MetricsRecorder#NONE}.
 */
@AutoConfiguration(after = LwsAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
})
@ConditionalOnClass({ MeterRegistry.class, LwsServer.class })
@ConditionalOnBean({ MeterRegistry.class, LwsServer.class })
public final class LwsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MetricsRecorder.class)
	MicrometerMetricsRecorder lwsMetricsRecorder(MeterRegistry registry) {
		return new MicrometerMetricsRecorder(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	LwsMetricsBinder lwsMetricsBinder(LwsServer lwsServer, LwsProperties properties) {
		Duration interval = properties.getMetrics().getLoopLagInterval();
		if (interval.isNegative()) {
			throw new InvalidLwsConfigurationException("lws.metrics.loop-lag-interval",
					"must not be negative, not " + interval,
					"Set lws.metrics.loop-lag-interval to 0 (no probe) or a positive duration such as 1s.");
		}
		return new LwsMetricsBinder(lwsServer, Tags.empty(), interval);
	}

}
