package io.lws.sample;

import io.lws.sample.client.ClientMode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * libwebsockets' test server, rebuilt on lws for Spring Boot: {@code dumb-increment-protocol},
 * {@code lws-mirror-protocol}, {@code lws-status}, the {@code /formtest} POST demo and {@code echo} on port 7681, a
 * test page at {@code /}, and actuator on the management port (9681), all served by lws. {@code --resource-path=DIR}
 * serves DIR at {@code /} instead of the built-in page, like {@code libwebsockets-test-server -r}.
 * <p>
 * With {@code --client URL} it is libwebsockets' test client instead ({@link ClientMode}): no Spring context, no
 * listening port.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Starts the application, or runs client mode and exits with its status when {@code args} hold {@code --client}.
	 * @param args command-line arguments, e.g. {@code --lws.vhosts.default.port=8000 --resource-path=/srv/www}, or
	 * {@code --client ws://127.0.0.1:7681 --once}
	 */
	public static void main(String[] args) throws InterruptedException {
		if (ClientMode.requested(args)) {
			System.exit(ClientMode.run(args, System.out, System.err));
		}
		SpringApplication.run(SampleApplication.class, args);
	}

}
