package io.lws.spring.boot.autoconfigure.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lws.core.ServerOption;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata describes every property, and {@code docs/configuration.md} documents every
 * property the metadata has.
 */
class ConfigurationMetadataTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path DOCS = Path.of("../docs/configuration.md");

	@Test
	void everyPropertyHasADescriptionAndNoneIsListedTwice() throws Exception {
		List<String> undescribed = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (JsonNode property : properties()) {
			String name = property.get("name").asString();
			assertThat(names.add(name)).as("listed twice: " + name).isTrue();
			JsonNode description = property.get("description");
			if (description == null || description.asString().isBlank()) {
				undescribed.add(name);
			}
		}
		assertThat(names).contains("lws.header-pool.size", "lws.vhosts.default.port",
				"lws.vhosts.default.mounts[0].origin", "lws.management.port");
		assertThat(undescribed).isEmpty();
	}

	@Test
	void docsListEveryProperty() throws Exception {
		String docs = Files.readString(DOCS);
		List<String> missing = new ArrayList<>();
		for (JsonNode property : properties()) {
			String documented = property.get("name")
				.asString()
				.replace("lws.vhosts.default.mounts[0].", "lws.vhosts.<name>.mounts[i].")
				.replace("lws.vhosts.default.", "lws.vhosts.<name>.");
			if (!docs.contains("| `" + documented + "` |")) {
				missing.add(documented);
			}
		}
		assertThat(missing).as("keys missing from docs/configuration.md").isEmpty();
	}

	@Test
	void shutdownHasValueHints() throws Exception {
		assertThat(hintValues("lws.shutdown")).containsExactly("graceful", "immediate");
	}

	@Test
	void optionHintsOfferEachOptionWhereItTakesEffect() throws Exception {
		List<String> context = new ArrayList<>();
		List<String> vhost = new ArrayList<>();
		for (ServerOption option : ServerOption.values()) {
			if (!option.isContextOption()) {
				vhost.add(Values.optionName(option));
			}
			else if (option != ServerOption.EXPLICIT_VHOSTS) {
				// EXPLICIT_VHOSTS is implied (vhosts come from lws.vhosts) and refused when written
				context.add(Values.optionName(option));
			}
		}
		assertThat(hintValues("lws.options")).containsExactlyInAnyOrderElementsOf(context);
		assertThat(hintValues("lws.vhosts.default.options")).containsExactlyInAnyOrderElementsOf(vhost);
	}

	private static List<String> hintValues(String name) throws Exception {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		List<String> values = new ArrayList<>();
		for (JsonNode hint : root.get("hints")) {
			if (name.equals(hint.get("name").asString())) {
				hint.get("values").forEach((v) -> values.add(v.get("value").asString()));
			}
		}
		return values;
	}

	private static JsonNode properties() throws Exception {
		assertThat(METADATA).exists();
		return JsonMapper.builder().build().readTree(Files.readString(METADATA)).get("properties");
	}

}
