package io.lws.core.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.Test;

import io.lws.core.tls.ClientHelloSniffer.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** The ClientHello sniffer at every split point, across records, and against things that are not TLS. */
class ClientHelloSnifferTest {

	static byte[] hello(String sni) throws Exception {
		SSLEngine e = SSLContext.getDefault().createSSLEngine("x", 443);
		e.setUseClientMode(true);
		SSLParameters p = e.getSSLParameters();
		p.setServerNames((sni != null) ? List.of(new SNIHostName(sni)) : List.of());
		e.setSSLParameters(p);
		ByteBuffer out = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
		e.wrap(ByteBuffer.allocate(0), out);
		out.flip();
		byte[] b = new byte[out.remaining()];
		out.get(b);
		return b;
	}

	/** Re-cuts a one-record handshake into records of {@code size} bytes of payload. */
	static byte[] fragment(byte[] record, int size) {
		ByteBuffer out = ByteBuffer.allocate(record.length * 2);
		int payload = record.length - 5;
		for (int off = 0; off < payload; off += size) {
			int n = Math.min(size, payload - off);
			out.put((byte) 22).put(record[1]).put(record[2]).put((byte) (n >> 8)).put((byte) n);
			out.put(record, 5 + off, n);
		}
		out.flip();
		byte[] b = new byte[out.remaining()];
		out.get(b);
		return b;
	}

	@Test
	void findsTheServerNameWholeAndAtEverySplitPoint() throws Exception {
		byte[] h = hello("Example.COM");
		assertThat(ClientHelloSniffer.sniff(ByteBuffer.wrap(h))).isEqualTo(new ClientHelloSniffer.Result(Kind.TLS,
				"example.com"));
		for (int cut = 0; cut < h.length; cut++) {
			ByteBuffer part = ByteBuffer.wrap(h, 0, cut);
			assertThat(ClientHelloSniffer.sniff(part).kind()).as("cut at %d", cut).isEqualTo(Kind.NEED_MORE);
			assertThat(part.position()).isZero();
		}
	}

	@Test
	void followsAClientHelloAcrossRecords() throws Exception {
		byte[] h = fragment(hello("multi.example"), 50);
		assertThat(ClientHelloSniffer.sniff(ByteBuffer.wrap(h)).serverName()).isEqualTo("multi.example");
		for (int cut = 0; cut < h.length; cut += 7) {
			assertThat(ClientHelloSniffer.sniff(ByteBuffer.wrap(h, 0, cut)).kind()).isEqualTo(Kind.NEED_MORE);
		}
	}

	@Test
	void noServerNameIsTlsWithoutAName() throws Exception {
		assertThat(ClientHelloSniffer.sniff(ByteBuffer.wrap(hello(null)))).isEqualTo(new ClientHelloSniffer.Result(
				Kind.TLS, null));
	}

	@Test
	void plainHttpAndGarbageAreNotTls() {
		assertThat(ClientHelloSniffer.sniff(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)))
			.kind()).isEqualTo(Kind.NOT_TLS);
		assertThat(ClientHelloSniffer.sniff(ByteBuffer.wrap(new byte[] { 0x16, 0x7f, 0x01 })).kind())
			.isEqualTo(Kind.NOT_TLS);
		assertThat(ClientHelloSniffer.sniff(ByteBuffer.allocate(0)).kind()).isEqualTo(Kind.NEED_MORE);
	}

	@Test
	void aHandshakeThatIsNotAClientHelloIsHandedOnUnnamed() {
		byte[] b = { 0x16, 0x03, 0x03, 0x00, 0x04, 0x02, 0x00, 0x00, 0x00 };
		assertThat(ClientHelloSniffer.sniff(ByteBuffer.wrap(b)))
			.isEqualTo(new ClientHelloSniffer.Result(Kind.TLS, null));
	}

}
