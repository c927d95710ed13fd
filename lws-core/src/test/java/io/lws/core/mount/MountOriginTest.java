package io.lws.core.mount;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MountOriginTest {

	@Test
	void valuesAreThoseOfLibwebsockets() {
		assertThat(MountOrigin.values()).extracting(MountOrigin::value).containsExactly(0, 1, 2, 3, 4, 5, 6);
		for (MountOrigin origin : MountOrigin.values()) {
			assertThat(MountOrigin.fromValue(origin.value())).isSameAs(origin);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> MountOrigin.fromValue(7))
			.withMessage("No mount origin protocol has the value 7.");
	}

	@Test
	void proxiesAndCgiAreNotServedYet() {
		assertThat(MountOrigin.values()).filteredOn(MountOrigin::isServedByEngine)
			.containsExactly(MountOrigin.FILE, MountOrigin.REDIR_HTTP, MountOrigin.REDIR_HTTPS, MountOrigin.CALLBACK);
	}

}
