package io.lws.core.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.lws.core.support.Mutations;
import io.lws.core.support.WsTestClient;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link ServerAnswerCheck} takes and what it refuses, so that the server fuzz tests can fail. */
class ServerAnswerCheckTests {

	private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

	private static final String UPGRADE = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
			+ "Connection: Upgrade\r\n\r\n";

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void takesWellFormedResponsesAndFrames() {
		String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
		String interim = "HTTP/1.1 100 Continue\r\n\r\n";
		String closeDelimited = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nanything at all";
		assertThatCode(() -> ServerAnswerCheck.check(bytes(OK + chunked + interim + OK + closeDelimited), true))
			.doesNotThrowAnyException();
		byte[] frames = Mutations.concat(bytes(UPGRADE), WsTestClient.frame(true, 0, 1, bytes("hi"), false),
				WsTestClient.frame(true, 0, 8, new byte[] { 0x03, (byte) 0xEA }, false));
		assertThatCode(() -> ServerAnswerCheck.check(frames, true)).doesNotThrowAnyException();
	}

	@Test
	void refusesWhatACutFinLeavesIncompleteButNotWhatAResetCut() {
		byte[] cut = bytes(OK.substring(0, OK.length() - 2));
		assertThatThrownBy(() -> ServerAnswerCheck.check(cut, true)).hasMessageContaining("cut short");
		assertThatCode(() -> ServerAnswerCheck.check(cut, false)).doesNotThrowAnyException();
		byte[] frame = Mutations.concat(bytes(UPGRADE), WsTestClient.frame(true, 0, 2, new byte[300], false));
		byte[] cutFrame = Arrays.copyOf(frame, frame.length - 1);
		assertThatThrownBy(() -> ServerAnswerCheck.check(cutFrame, true)).hasMessageContaining("a frame cut short");
	}

	@Test
	void refusesMalformedHeads() {
		assertThatThrownBy(() -> ServerAnswerCheck.check(bytes("HTTP/1.1 20 OK\r\n\r\n"), true))
			.hasMessageContaining("status line");
		assertThatThrownBy(() -> ServerAnswerCheck.check(bytes("HTTP/1.1 200 OK\r\nbad header\r\n\r\n"), true))
			.hasMessageContaining("header field");
		assertThatThrownBy(() -> ServerAnswerCheck
			.check(bytes("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx"), true))
			.hasMessageContaining("two content-length");
		assertThatThrownBy(() -> ServerAnswerCheck.check(
				bytes("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), true))
			.hasMessageContaining("both");
	}

	@Test
	void refusesFramesAClientMustFail() {
		byte[] masked = Mutations.concat(bytes(UPGRADE), WsTestClient.frame(true, 0, 1, bytes("hi"), true));
		assertThatThrownBy(() -> ServerAnswerCheck.check(masked, true)).hasMessageContaining("masked");
		byte[] rsv = Mutations.concat(bytes(UPGRADE), WsTestClient.frame(true, 4, 1, bytes("hi"), false));
		assertThatThrownBy(() -> ServerAnswerCheck.check(rsv, true)).hasMessageContaining("must fail");
		byte[] badCode = Mutations.concat(bytes(UPGRADE),
				WsTestClient.frame(true, 0, 8, new byte[] { 0x03, (byte) 0xED }, false));
		assertThatThrownBy(() -> ServerAnswerCheck.check(badCode, true)).hasMessageContaining("must fail");
		byte[] afterClose = Mutations.concat(bytes(UPGRADE), WsTestClient.frame(true, 0, 8, new byte[0], false),
				WsTestClient.frame(true, 0, 1, bytes("late"), false));
		assertThatThrownBy(() -> ServerAnswerCheck.check(afterClose, true))
			.hasMessageContaining("after the server's Close");
	}

}
