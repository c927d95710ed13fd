package io.lws.spring.boot.autoconfigure.config;

import java.util.Map;

import io.lws.core.ContextCreationInfo;
import io.lws.core.HeaderToken;
import io.lws.core.ServerOption;
import io.lws.core.TokenLimits;
import io.lws.spring.boot.autoconfigure.LwsProperties;

import org.springframework.util.unit.DataSize;

/**
 * Maps the context half of {@code lws.*} onto {@link ContextCreationInfo.Builder}: the {@code CONTEXT:} members of
 * libwebsockets' {@code struct lws_context_creation_info}.
 */
final class ContextInfoMapper {

	private ContextInfoMapper() {
	}

	/** Fills a new builder from {@code properties}; vhosts are created explicitly ({@code EXPLICIT_VHOSTS}). */
	static ContextCreationInfo.Builder map(LwsProperties properties) {
		ContextCreationInfo.Builder builder = ContextCreationInfo.builder();
		builder.countThreads(Values.atLeast("lws.service-threads", properties.getServiceThreads(), 0));
		builder.fdLimitPerThread(
				Values.atLeast("lws.connection-limit-per-thread", properties.getConnectionLimitPerThread(), 0));
		builder.tlsTaskThreads(Values.atLeast("lws.tls-task-threads", properties.getTlsTaskThreads(), 0));
		String server = properties.getServerString();
		builder.serverString((server == null || server.isEmpty()) ? null : server);
		builder.ptServBufSize(Values.bytes("lws.service-buffer-size", properties.getServiceBufferSize(), 1024));
		builder.txBufferLimit(Values.bytes("lws.tx-buffer-limit", properties.getTxBufferLimit(), 4096));
		builder.tcpNotSentLowat(Values.bytes("lws.tcp-notsent-lowat", properties.getTcpNotsentLowat(), 0));
		builder.txStallTimeoutSecs(Values.seconds("lws.tx-stall-timeout", properties.getTxStallTimeout(), 1));
		LwsProperties.HeaderPool pool = properties.getHeaderPool();
		builder.maxHttpHeaderPool(Values.atLeast("lws.header-pool.size", pool.getSize(), 1));
		builder.maxHttpHeaderData(Values.bytes("lws.header-pool.data-size", pool.getDataSize(), 256));
		builder.timeoutSecsAhIdle(Values.seconds("lws.header-pool.idle-timeout", pool.getIdleTimeout(), 1));
		LwsProperties.TcpKeepalive ka = properties.getTcpKeepalive();
		builder.tcpKeepalive(Values.seconds("lws.tcp-keepalive.time", ka.getTime(), 0),
				Values.atLeast("lws.tcp-keepalive.probes", ka.getProbes(), 0),
				Values.seconds("lws.tcp-keepalive.interval", ka.getInterval(), 0));
		builder.tokenLimits(tokenLimits(properties.getTokenLimits()));
		if (properties.getOptions().contains(ServerOption.EXPLICIT_VHOSTS)) {
			throw new InvalidLwsConfigurationException("lws.options", "EXPLICIT_VHOSTS is implied",
					"Remove EXPLICIT_VHOSTS: vhosts always come from lws.vhosts.");
		}
		for (ServerOption option : properties.getOptions()) {
			if (!option.isContextOption()) {
				throw new InvalidLwsConfigurationException("lws.options", Values.optionName(option)
						+ " is a vhost option, which has no effect here",
						"Move it to lws.vhosts.<name>.options of the vhosts it is for.");
			}
		}
		builder.options(properties.getOptions());
		builder.options(ServerOption.EXPLICIT_VHOSTS);
		return builder;
	}

	private static TokenLimits tokenLimits(Map<HeaderToken, DataSize> limits) {
		if (limits.isEmpty()) {
			return TokenLimits.none();
		}
		TokenLimits.Builder builder = TokenLimits.builder();
		limits.forEach((token, size) -> {
			String key = "lws.token-limits." + token.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			builder.limit(token, Values.bytes(key, size, 0));
		});
		return builder.build();
	}

}
