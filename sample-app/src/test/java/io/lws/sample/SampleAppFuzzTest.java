package io.lws.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link SampleAppFuzzCases} over plain TCP. */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.management.port=0" })
class SampleAppFuzzTest extends SampleAppFuzzCases {

	@Override
	Socket open() throws IOException {
		Socket s = new Socket();
		s.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
		s.setSoTimeout(20);
		return s;
	}

}
