package io.lws.spring.boot.autoconfigure.management;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebOperation;

/**
 * One GET operation of an endpoint, with its path split into segments: literal ones, {@code {name}} selectors and a
 * final {@code {*name}} that takes the remaining segments, as Boot's web endpoint request predicates write them.
 */
final class OperationRoute {

	private final ExposableWebEndpoint endpoint;

	private final WebOperation operation;

	private final String[] segments;

	private final int literals;

	OperationRoute(ExposableWebEndpoint endpoint, WebOperation operation) {
		this.endpoint = endpoint;
		this.operation = operation;
		this.segments = split(operation.getRequestPredicate().getPath());
		this.literals = (int) Arrays.stream(this.segments).filter((s) -> !s.startsWith("{")).count();
	}

	ExposableWebEndpoint endpoint() {
		return this.endpoint;
	}

	WebOperation operation() {
		return this.operation;
	}

	/** How many literal segments the path has: the more, the more specific. */
	int literals() {
		return this.literals;
	}

	/**
	 * Matches the request's segments (after the base path).
	 * @return the selector arguments by name, or {@code null} when the path does not match
	 */
	@Nullable Map<String, Object> match(String[] request) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		for (int i = 0; i < this.segments.length; i++) {
			String segment = this.segments[i];
			if (segment.startsWith("{*")) {
				if (i >= request.length) {
					return null;
				}
				arguments.put(segment.substring(2, segment.length() - 1),
						Arrays.copyOfRange(request, i, request.length));
				return arguments;
			}
			if (i >= request.length) {
				return null;
			}
			if (segment.startsWith("{")) {
				arguments.put(segment.substring(1, segment.length() - 1), request[i]);
			}
			else if (!segment.equals(request[i])) {
				return null;
			}
		}
		return (request.length == this.segments.length) ? arguments : null;
	}

	static String[] split(String path) {
		List<String> parts = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				parts.add(part);
			}
		}
		return parts.toArray(new String[0]);
	}

}
