package io.lws.spring.boot.autoconfigure.protocol;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import io.lws.core.LwsProtocolHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCountingHandlerTests {

	@Test
	void forwardsEveryCallbackMethodOfTheHandlerInterface() throws Exception {
		for (Method method : LwsProtocolHandler.class.getMethods()) {
			if (Modifier.isStatic(method.getModifiers())) {
				continue;
			}
			Method declared = SessionCountingHandler.class.getDeclaredMethod(method.getName(),
					method.getParameterTypes());
			assertThat(declared.getDeclaringClass()).as(method.getName()).isEqualTo(SessionCountingHandler.class);
		}
	}

}
