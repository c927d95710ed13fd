package io.lws.spring.boot.autoconfigure.management;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.ProducibleOperationArgumentResolver;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointHttpMethod;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.core.io.Resource;

/**
 * Answers management GET requests by invoking Boot's web endpoint operations, as Spring MVC's endpoint handler
 * mapping does: the path under the base path chooses the operation (the most literal match wins), selectors and query
 * arguments become the invocation's arguments, and the result is written as JSON with the endpoint JSON mapper.
 * {@code null} results answer 404, a health status of DOWN or OUT_OF_SERVICE answers 503, and the base path itself
 * lists the endpoints' links. Runs off the service threads, since operations may block.
 */
final class EndpointDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(EndpointDispatcher.class);

	private static final String ACTUATOR_JSON = "application/vnd.spring-boot.actuator.v3+json";

	private final Supplier<Collection<ExposableWebEndpoint>> endpoints;

	private final String basePath;

	private final JsonMapper json;

	private volatile @Nullable List<OperationRoute> routes;

	/**
	 * A dispatcher.
	 * @param supplier the web endpoints (discovered on the first request)
	 * @param basePath the base path such as {@code /actuator}
	 * @param json the JSON mapper
	 */
	EndpointDispatcher(WebEndpointsSupplier supplier, String basePath, JsonMapper json) {
		this.endpoints = supplier::getEndpoints;
		this.basePath = normalise(basePath);
		this.json = json;
	}

	/** The base path, normalised to start with {@code /} and not end with one (empty for the root). */
	String basePath() {
		return this.basePath;
	}

	/** Answers one request. */
	ManagementResponse handle(ManagementRequest request) {
		String path = request.path();
		if (!path.equals(this.basePath) && !path.startsWith(this.basePath + "/")) {
			return ManagementResponse.error(404, "Not Found");
		}
		String[] segments = OperationRoute.split(path.substring(this.basePath.length()));
		if (segments.length == 0) {
			return links();
		}
		OperationRoute best = null;
		Map<String, Object> arguments = null;
		for (OperationRoute route : routes()) {
			Map<String, Object> match = route.match(segments);
			if (match != null && (best == null || route.literals() > best.literals())) {
				best = route;
				arguments = match;
			}
		}
		if (best == null) {
			return ManagementResponse.error(404, "Not Found");
		}
		Map<String, Object> all = new LinkedHashMap<>();
		request.query().forEach((name, values) -> all.put(name, (values.size() == 1) ? values.get(0) : values));
		all.putAll(arguments); // path selectors win over query arguments of the same name
		return invoke(best, all, request.accept());
	}

	private ManagementResponse invoke(OperationRoute route, Map<String, Object> arguments, List<String> accept) {
		WebOperation operation = route.operation();
		Object result;
		try {
			InvocationContext context = new InvocationContext(SecurityContext.NONE, arguments,
					new ProducibleOperationArgumentResolver(() -> accept.isEmpty() ? null : accept));
			result = operation.invoke(context);
		}
		catch (InvalidEndpointRequestException ex) {
			String reason = ex.getReason(); // may be null: error(...) would throw, leaving the request unanswered
			return ManagementResponse.error(400, (reason != null) ? reason : "Bad Request");
		}
		catch (RuntimeException ex) {
			logger.warn("Management operation {} failed: {}", operation.getId(), ex.toString());
			logger.debug("Management operation failure", ex);
			return ManagementResponse.error(500, "Internal Server Error");
		}
		int status = 200;
		String contentType = null;
		Object body = result;
		if (result instanceof WebEndpointResponse<?> response) {
			status = response.getStatus();
			body = response.getBody();
			contentType = (response.getContentType() != null) ? response.getContentType().toString() : null;
		}
		if (body == null) {
			return (result == null) ? ManagementResponse.error(404, "Not Found")
					: new ManagementResponse(status, null, new byte[0]);
		}
		try {
			return write(route, status, contentType, body, accept);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Cannot write the result of management operation {}: {}", operation.getId(), ex.toString());
			return ManagementResponse.error(500, "Internal Server Error");
		}
	}

	private ManagementResponse write(OperationRoute route, int status, @Nullable String contentType, Object body,
			List<String> accept) throws IOException {
		Collection<String> produces = route.operation().getRequestPredicate().getProduces();
		String produced = (contentType != null) ? contentType
				: (!produces.isEmpty() ? produces.iterator().next() : "application/octet-stream");
		if (body instanceof Resource resource) {
			try (InputStream in = resource.getInputStream()) {
				return new ManagementResponse(status, produced, in.readAllBytes());
			}
		}
		if (body instanceof byte[] bytes) {
			return new ManagementResponse(status, produced, bytes);
		}
		if (body instanceof CharSequence text) {
			return new ManagementResponse(status, produced, text.toString().getBytes(StandardCharsets.UTF_8));
		}
		JsonNode tree = this.json.valueToTree(body);
		if (status == 200 && "health".equals(route.endpoint().getEndpointId().toString()) && tree.has("status")) {
			String health = tree.get("status").asString();
			if ("DOWN".equals(health) || "OUT_OF_SERVICE".equals(health)) {
				status = 503;
			}
		}
		String type = accept.stream().anyMatch((a) -> a.contains("application/vnd.spring-boot.actuator"))
				? ACTUATOR_JSON : "application/json";
		return new ManagementResponse(status, type, this.json.writeValueAsBytes(tree));
	}

	private ManagementResponse links() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_links", new EndpointLinksResolver(this.endpoints.get(), this.basePath).resolveLinks(this.basePath));
		return new ManagementResponse(200, "application/json", this.json.writeValueAsBytes(body));
	}

	private List<OperationRoute> routes() {
		List<OperationRoute> result = this.routes;
		if (result == null) {
			result = new ArrayList<>();
			for (ExposableWebEndpoint endpoint : this.endpoints.get()) {
				for (WebOperation operation : endpoint.getOperations()) {
					if (operation.getRequestPredicate().getHttpMethod() == WebEndpointHttpMethod.GET) {
						result.add(new OperationRoute(endpoint, operation));
					}
				}
			}
			this.routes = result;
		}
		return result;
	}

	private static String normalise(@Nullable String basePath) {
		String path = (basePath != null) ? basePath.trim() : "";
		if (!path.isEmpty() && !path.startsWith("/")) {
			path = "/" + path;
		}
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path;
	}

}
