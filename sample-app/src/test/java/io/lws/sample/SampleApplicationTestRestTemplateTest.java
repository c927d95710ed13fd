package io.lws.sample;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample through Spring Boot's {@link TestRestTemplate}, as an application's own test would reach its lws server:
 * relative URIs, no port wiring, on a free port.
 */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.management.port=0" })
@AutoConfigureTestRestTemplate
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SampleApplicationTestRestTemplateTest {

	@Autowired
	TestRestTemplate rest;

	@Test
	void getsTheTestPage() {
		ResponseEntity<String> page = this.rest.getForEntity("/", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue());
		assertThat(page.getBody()).contains("<canvas id=\"mirror-canvas\"");
		assertThat(this.rest.getForEntity("/no-such-file", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void postsTheFormDemo() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> r = this.rest.postForEntity("/formtest",
				new HttpEntity<>("text=hello+world%21&send=Send+the+form", headers), String.class);
		assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(r.getBody()).contains("<tr><td><b>text</b></td><td>12</td><td>hello world!</td></tr>");
	}

}
