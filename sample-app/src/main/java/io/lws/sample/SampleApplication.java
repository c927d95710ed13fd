package io.lws.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * libwebsockets' test server, rebuilt on lws for Spring Boot: {@code dumb-increment-protocol},
 * {@code lws-mirror-protocol}, {@code lws-status}, the {@code /formtest} POST demo and {@code echo} on port 7681, a test
 * page at {@code /}, and actuator on the management port (9681), all served by lws. {@code --resource-path=DIR} serves
 * DIR at {@code /} instead of the built-in page, like {@code libwebsockets-test-server -r}.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments, e.g. {@code --lws.vhosts.default.port=8000 --resource-path=/srv/www}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
