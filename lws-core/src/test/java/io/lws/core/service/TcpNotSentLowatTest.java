package io.lws.core.service;

import java.io.File;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.ContextCreationInfo;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.support.PlainJvm;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code tcpNotSentLowat}: set on a socket when it starts streaming a file, read back from the kernel; and a JVM that
 * cannot set it warns once and serves as before. This module's tests run with {@code sun.nio.ch} opened, as an
 * application that sets the option does.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpNotSentLowatTest {

	@Test
	void aStreamedFileSetsTheOptionOnItsSocket(@TempDir Path dir) throws Exception {
		assertThat(optionWhileStreaming(dir, (c) -> c.tcpNotSentLowat(96 * 1024))).isEqualTo(96 * 1024);
	}

	@Test
	void withoutTheSettingTheSocketKeepsTheSystemsValue(@TempDir Path dir) throws Exception {
		// 0 on the socket is the kernel's "use net.ipv4.tcp_notsent_lowat"
		assertThat(optionWhileStreaming(dir, (c) -> {
		})).isZero();
	}

	@Test
	void aNegativeValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ContextCreationInfo.builder().tcpNotSentLowat(-1))
			.withMessageContaining("tcpNotSentLowat");
	}

	@Test
	void aJvmThatCannotSetItWarnsOnceAndServesFilesAsBefore(@TempDir Path dir) throws Exception {
		PlainJvm.Run run = PlainJvm.run(NotSentLowatDownloads.class, dir);
		String out = run.output();
		int size = NotSentLowatDownloads.SIZE;
		assertThat(out).contains("downloaded " + size + " " + size);
		List<String> warnings = out.lines().filter((l) -> l.contains("tcpNotSentLowat 131072 is not applied")).toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0)).contains("--add-opens java.base/sun.nio.ch=ALL-UNNAMED");
		assertThat(run.exitValue()).as(out).isZero();
	}

	/** Downloads a 1 MiB file served by a callback and returns the option its completion read off the socket. */
	private static int optionWhileStreaming(Path dir, Consumer<ContextCreationInfo.Builder> context) throws Exception {
		File file = Files.write(dir.resolve("big.bin"), new byte[1024 * 1024]).toFile();
		BlockingQueue<Integer> seen = new LinkedBlockingQueue<>();
		LwsProtocol<Object> files = LwsProtocol.of("files", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object s, String uri) {
				return wsi.serveHttpFile(file.toString(), "application/octet-stream", null);
			}

			@Override
			public int onHttpFileCompletion(Lws wsi, Object s) {
				try {
					seen.add(TcpNotSentLowat.current((SocketChannel) wsi.getSocketFd()));
				}
				catch (java.io.IOException ex) {
					seen.add(Integer.MIN_VALUE);
				}
				return 0;
			}
		});
		try (TestServer s = TestServer.start(context, (v) -> v.protocols(files)); RawClient c = s.client()) {
			assertThat(c.send("GET /f HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().body()).hasSize(1024 * 1024);
			Integer option = seen.poll(5, TimeUnit.SECONDS);
			assertThat(option).as("the option read in HTTP_FILE_COMPLETION")
				.isNotNull()
				.isNotEqualTo(Integer.MIN_VALUE);
			return option;
		}
	}

}
