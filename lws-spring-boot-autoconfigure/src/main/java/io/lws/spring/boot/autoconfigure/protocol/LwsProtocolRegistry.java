package io.lws.spring.boot.autoconfigure.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.lws.core.LwsProtocolHandler;
import io.lws.spring.boot.autoconfigure.LwsProtocol;
import io.lws.spring.boot.autoconfigure.config.InvalidLwsConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The protocols the application offers, by name: what libwebsockets' C programs write as a static
 * {@code struct lws_protocols} array, found here among the beans. {@link LwsProtocol @LwsProtocol} beans are found
 * by annotation without being instantiated; they and plain {@link io.lws.core.LwsProtocol} beans are only created
 * when {@link #definitions()} is first called, which the server does when it starts. Protocol names must be unique;
 * {@value #HTTP_ONLY} is lws's built-in HTTP protocol unless a bean takes that name.
 */
public class LwsProtocolRegistry {

	/** The name of lws's built-in protocol that serves mounts and answers 404 to everything else. */
	public static final String HTTP_ONLY = "http-only";

	private static final String BUILT_IN = "built-in";

	private final ListableBeanFactory beanFactory;

	private final Map<String, AtomicInteger> sessions = new ConcurrentHashMap<>();

	private volatile @Nullable Map<String, ProtocolDefinition> definitions;

	/**
	 * A registry over the protocol beans of {@code beanFactory}.
	 * @param beanFactory where to look
	 */
	public LwsProtocolRegistry(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Every protocol by name, in discovery order, including {@value #HTTP_ONLY}.
	 * @return an unmodifiable map
	 * @throws InvalidLwsConfigurationException when two protocols share a name or a bean is not a handler
	 */
	public Map<String, ProtocolDefinition> definitions() {
		Map<String, ProtocolDefinition> result = this.definitions;
		if (result == null) {
			synchronized (this) {
				result = this.definitions;
				if (result == null) {
					result = discover();
					this.definitions = result;
				}
			}
		}
		return result;
	}

	/**
	 * The protocols a vhost that lists none gets: every bean protocol whose vhosts are empty or name it, by
	 * {@code @Order} (then discovery order). The built-in {@value #HTTP_ONLY} is not among them.
	 * @param vhost the vhost name
	 * @return the protocols in order, possibly empty
	 */
	public List<ProtocolDefinition> defaultsFor(String vhost) {
		List<ProtocolDefinition> list = new ArrayList<>();
		for (ProtocolDefinition d : definitions().values()) {
			if (!BUILT_IN.equals(d.source()) && d.appliesTo(vhost)) {
				list.add(d);
			}
		}
		list.sort(Comparator.comparingInt(ProtocolDefinition::order));
		return list;
	}

	/**
	 * The number of WebSocket sessions open on an {@code @LwsProtocol} protocol of a vhost.
	 * @param vhost the vhost name
	 * @param protocol the protocol name
	 * @return the count, or {@code null} when the protocol is not counted (plain {@code LwsProtocol} beans)
	 */
	public @Nullable Integer openSessions(String vhost, String protocol) {
		AtomicInteger count = this.sessions.get(key(vhost, protocol));
		return (count != null) ? count.get() : null;
	}

	private Map<String, ProtocolDefinition> discover() {
		Map<String, ProtocolDefinition> found = new LinkedHashMap<>();
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(LwsProtocol.class)) {
			LwsProtocol annotation = this.beanFactory.findAnnotationOnBean(beanName, LwsProtocol.class);
			if (annotation == null) {
				continue;
			}
			if (!this.beanFactory.isTypeMatch(beanName, LwsProtocolHandler.class)) {
				throw new InvalidLwsConfigurationException("@LwsProtocol(name = \"" + annotation.name() + "\")",
						"bean '" + beanName + "' does not implement io.lws.core.LwsProtocolHandler",
						"Implement LwsProtocolHandler<S> in the annotated class.");
			}
			add(found, annotatedDefinition(beanName, annotation));
		}
		for (String beanName : this.beanFactory.getBeanNamesForType(io.lws.core.LwsProtocol.class, true, false)) {
			io.lws.core.LwsProtocol<?> protocol = this.beanFactory.getBean(beanName, io.lws.core.LwsProtocol.class);
			add(found, new ProtocolDefinition(protocol.name(), "bean '" + beanName + "'", List.of(),
					orderOf(beanName, protocol), (vhost) -> protocol));
		}
		if (!found.containsKey(HTTP_ONLY)) {
			io.lws.core.LwsProtocol<Object> httpOnly = io.lws.core.LwsProtocol.of(HTTP_ONLY,
					new LwsProtocolHandler<>() {
					});
			found.put(HTTP_ONLY, new ProtocolDefinition(HTTP_ONLY, BUILT_IN, List.of(), Ordered.LOWEST_PRECEDENCE,
					(vhost) -> httpOnly));
		}
		return Collections.unmodifiableMap(found);
	}

	private ProtocolDefinition annotatedDefinition(String beanName, LwsProtocol annotation) {
		String name = annotation.name();
		return new ProtocolDefinition(name, "bean '" + beanName + "'", Arrays.asList(annotation.vhosts()),
				orderOf(beanName, null), (vhost) -> build(beanName, annotation, vhost));
	}

	/**
	 * The protocol an {@link LwsProtocol @LwsProtocol} annotation declares, served by {@code handler}: one entry of
	 * libwebsockets' {@code struct lws_protocols}, its {@code name}, {@code rx_buffer_size} and {@code id} from the
	 * attributes of those names, with the lws-java options {@code wholeMessages} and {@code validateUtf8}.
	 * @param annotation the declaration
	 * @param handler the protocol's callback
	 * @param <S> the per-session state type
	 * @return the protocol
	 * @throws IllegalArgumentException when an attribute is out of range or the name is not an HTTP token
	 */
	public static <S> io.lws.core.LwsProtocol<S> protocolOf(LwsProtocol annotation, LwsProtocolHandler<S> handler) {
		return io.lws.core.LwsProtocol.builder(annotation.name(), handler)
			.rxBufferSize(annotation.rxBufferSize())
			.id(annotation.id())
			.wholeMessages(annotation.wholeMessages())
			.validateUtf8(annotation.validateUtf8())
			.build();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private io.lws.core.LwsProtocol<?> build(String beanName, LwsProtocol annotation, String vhost) {
		LwsProtocolHandler<Object> handler = this.beanFactory.getBean(beanName, LwsProtocolHandler.class);
		AtomicInteger count = this.sessions.computeIfAbsent(key(vhost, annotation.name()), (k) -> new AtomicInteger());
		try {
			return protocolOf(annotation, new SessionCountingHandler(handler, count));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLwsConfigurationException("@LwsProtocol(name = \"" + annotation.name() + "\")",
					ex.getMessage() + " (bean '" + beanName + "')", "Fix the annotation's attributes.");
		}
	}

	private int orderOf(String beanName, @Nullable Object instance) {
		Order order = this.beanFactory.findAnnotationOnBean(beanName, Order.class);
		if (order != null) {
			return order.value();
		}
		if (instance == null && this.beanFactory.isTypeMatch(beanName, Ordered.class)) {
			instance = this.beanFactory.getBean(beanName);
		}
		if (instance instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static void add(Map<String, ProtocolDefinition> found, ProtocolDefinition definition) {
		ProtocolDefinition previous = found.putIfAbsent(definition.name(), definition);
		if (previous != null) {
			throw new InvalidLwsConfigurationException("protocol '" + definition.name() + "'",
					"both " + previous.source() + " and " + definition.source() + " declare it",
					"Give each protocol a unique name.");
		}
	}

	private static String key(String vhost, String protocol) {
		return vhost + '\u0000' + protocol;
	}

}
