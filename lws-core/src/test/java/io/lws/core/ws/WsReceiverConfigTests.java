package io.lws.core.ws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests for {@link WsReceiverConfig}. */
class WsReceiverConfigTests {

	@Test
	void hasTheDocumentedDefaults() {
		WsReceiverConfig config = WsReceiverConfig.builder().build();
		assertThat(config.server()).isTrue();
		assertThat(config.rxBufferSize()).isEqualTo(WsReceiverConfig.DEFAULT_RX_BUFFER_SIZE).isEqualTo(4096);
		assertThat(config.validateUtf8()).isTrue();
		assertThat(config.maxMessageSize()).isZero();
		assertThat(config.allowRsv1()).isFalse();
		assertThat(config).hasToString("WsReceiverConfig[server=true, rxBufferSize=4096, validateUtf8=true, "
				+ "maxMessageSize=0, allowRsv1=false]");
	}

	@Test
	void copiesEverySettingIntoANewBuilder() {
		WsReceiverConfig config = WsReceiverConfig.builder()
			.server(false)
			.rxBufferSize(10)
			.validateUtf8(false)
			.maxMessageSize(99)
			.allowRsv1(true)
			.build();
		WsReceiverConfig copy = config.toBuilder().build();
		assertThat(copy).isNotSameAs(config).hasToString(config.toString());
		assertThat(config.toBuilder().allowRsv1(false).build().allowRsv1()).isFalse();
		assertThat(config.allowRsv1()).isTrue();
	}

	@Test
	void refusesLimitsThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> WsReceiverConfig.builder().rxBufferSize(0).build())
			.withMessage("rxBufferSize must be positive but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> WsReceiverConfig.builder().maxMessageSize(-1).build())
			.withMessage("maxMessageSize must not be negative but was -1");
	}

}
