package io.lws.core.ws;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.lws.core.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RSV1 once an extension owns it: allowed on first frames only, and compressed messages left to its size check. */
class WsReceiverRsv1Tests {

	private static final int RSV1_TEXT = 0x80 | 0x40 | 0x01;

	private static WsReceiver receiver(boolean allowRsv1, long maxMessageSize) {
		return new WsReceiver(WsReceiverConfig.builder()
			.allowRsv1(allowRsv1)
			.maxMessageSize(maxMessageSize)
			.build());
	}

	@Test
	void aCompressedMessageIsNotLimitedByItsWireSizeButAPlainOneIs() throws Exception {
		RecordingListener listener = new RecordingListener();
		WsReceiver r = receiver(true, 10);
		r.receive(ByteBuffer.wrap(TestFrames.frame(RSV1_TEXT, new byte[100], true, TestFrames.KEY)), listener);
		assertThat(r.isMessageRsv1()).isTrue();
		assertThat(r.isFailed()).isFalse();
		WsReceiver plain = receiver(true, 10);
		assertThatThrownBy(() -> plain.receive(ByteBuffer.wrap(TestFrames.client(true, Opcode.BINARY, new byte[11])),
				new RecordingListener()))
			.isInstanceOfSatisfying(WebSocketProtocolException.class,
					(ex) -> assertThat(ex.closeCode()).isEqualTo(CloseStatus.MESSAGE_TOO_LARGE.code()));
	}

	@Test
	void rsv1IsRefusedWithoutAnExtensionAndOnContinuations() {
		assertThatThrownBy(() -> receiver(false, 0)
			.receive(ByteBuffer.wrap(TestFrames.frame(RSV1_TEXT, new byte[1], true, TestFrames.KEY)),
					new RecordingListener()))
			.hasMessage("Reserved bit RSV1 is set but no extension was negotiated.");
		byte[] first = TestFrames.frame(0x40 | 0x01, new byte[1], true, TestFrames.KEY);
		byte[] continuation = TestFrames.frame(0x80 | 0x40, new byte[1], true, TestFrames.KEY);
		assertThatThrownBy(() -> receiver(true, 0).receive(ByteBuffer.wrap(TestFrames.concat(first, continuation)),
				new RecordingListener()))
			.hasMessage("RSV1 may only be set on the first frame of a message.");
	}

}
