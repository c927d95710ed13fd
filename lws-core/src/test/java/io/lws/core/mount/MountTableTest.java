package io.lws.core.mount;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MountTableTest {

	private static Mount mount(String mountpoint, MountOrigin originProtocol) {
		String origin = originProtocol.isRedirect() ? "example.com/" : "origin";
		return Mount.builder().mountpoint(mountpoint).originProtocol(originProtocol).origin(origin).build();
	}

	private static final Mount ROOT = mount("/", MountOrigin.FILE);

	private static final Mount ABC = mount("/abc", MountOrigin.FILE);

	private static final Mount ABC_DEEP = mount("/abc/def", MountOrigin.FILE);

	private static final Mount FORM = mount("/formtest", MountOrigin.CALLBACK);

	private static final MountTable TABLE = MountTable.of(ROOT, FORM, ABC, ABC_DEEP);

	@Test
	void longestMountpointEndingAtASlashWins() {
		assertThat(TABLE.match("/abc/def/x.html", "GET")).isEqualTo(new MountMatch(ABC_DEEP, "/x.html", false));
		assertThat(TABLE.match("/abc/x.html", "GET")).isEqualTo(new MountMatch(ABC, "/x.html", false));
		assertThat(TABLE.match("/abc/defg", "GET")).isEqualTo(new MountMatch(ABC, "/defg", false));
	}

	@Test
	void aPrefixThatStopsMidSegmentDoesNotMatch() {
		assertThat(TABLE.match("/abcdef", "GET")).isEqualTo(new MountMatch(ROOT, "/abcdef", false));
		assertThat(MountTable.of(ABC).match("/abcdef", "GET")).isNull();
	}

	@Test
	void rootMountMatchesEveryPathAndKeepsItWhole() {
		assertThat(TABLE.match("/", "GET")).isEqualTo(new MountMatch(ROOT, "/", false));
		assertThat(TABLE.match("/a/b", "HEAD")).isEqualTo(new MountMatch(ROOT, "/a/b", false));
	}

	@Test
	void exactMountpointOfAFileMountNeedsATrailingSlash() {
		MountMatch match = TABLE.match("/abc", "GET");
		assertThat(match).isEqualTo(new MountMatch(ABC, "", true));
		assertThat(match.trailingSlashLocation()).isEqualTo("/abc/");
		assertThat(TABLE.match("/abc/", "GET")).isEqualTo(new MountMatch(ABC, "/", false));
	}

	@Test
	void onlyFileMountsAskForTheTrailingSlash() {
		assertThat(TABLE.match("/formtest", "POST")).isEqualTo(new MountMatch(FORM, "", false));
		Mount redirect = mount("/old", MountOrigin.REDIR_HTTPS);
		assertThat(MountTable.of(redirect).match("/old", "GET")).isEqualTo(new MountMatch(redirect, "", false));
	}

	@Test
	void nonCallbackMountsHearOnlyGetPostAndHead() {
		assertThat(TABLE.match("/abc/x", "POST").mount()).isSameAs(ABC);
		assertThat(TABLE.match("/abc/x", "HEAD").mount()).isSameAs(ABC);
		assertThat(TABLE.match("/abc/x", "PUT")).isNull();
		assertThat(TABLE.match("/abc/x", "get")).isNull();
		assertThat(TABLE.match("/formtest/x", "DELETE")).isEqualTo(new MountMatch(FORM, "/x", false));
	}

	@Test
	void aMethodTheLongerMountDoesNotHearFallsToAShorterOne() {
		Mount api = mount("/", MountOrigin.CALLBACK);
		MountTable table = MountTable.of(api, ABC);
		assertThat(table.match("/abc/x", "PUT")).isEqualTo(new MountMatch(api, "/abc/x", false));
		assertThat(table.match("/abc/x", "GET").mount()).isSameAs(ABC);
	}

	@Test
	void callbackMountsDoNotJumpTheLengthOrder() {
		// libwebsockets 4.1.6 lets a callback mount listed later win over a longer one; we do not.
		MountTable table = MountTable.of(ABC_DEEP, mount("/abc", MountOrigin.CALLBACK));
		assertThat(table.match("/abc/def/x", "GET").mount()).isSameAs(ABC_DEEP);
	}

	@Test
	void pathsThatAreNotAbsoluteMatchNothing() {
		assertThat(TABLE.match("*", "OPTIONS")).isNull();
		assertThat(TABLE.match("", "GET")).isNull();
	}

	@Test
	void emptyTableMatchesNothing() {
		assertThat(MountTable.empty().match("/", "GET")).isNull();
		assertThat(MountTable.of(List.of())).isSameAs(MountTable.empty());
	}

	@Test
	void duplicateMountpointsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> MountTable.of(ABC, mount("/abc", MountOrigin.CALLBACK)))
			.withMessage("Two mounts have the mountpoint /abc.");
	}

	@Test
	void mountsKeepTheirOrderAndPrint() {
		assertThat(TABLE.mounts()).containsExactly(ROOT, FORM, ABC, ABC_DEEP);
		assertThat(MountTable.of(ROOT, ABC).toString())
			.isEqualTo("MountTable[Mount[/ -> FILE origin], Mount[/abc -> FILE origin]]");
	}

	@Property
	void theMatchIsTheLongestCoveringMountpoint(@ForAll("paths") String path) {
		MountMatch match = TABLE.match(path, "GET");
		String expected = TABLE.mounts()
			.stream()
			.map(Mount::mountpoint)
			.filter((mp) -> mp.equals("/") || path.equals(mp) || path.startsWith(mp + "/"))
			.reduce("", (a, b) -> (a.length() >= b.length()) ? a : b);
		assertThat(match.mount().mountpoint()).isEqualTo(expected);
		String rebuilt = expected.equals("/") ? match.remainder() : expected + match.remainder();
		assertThat(rebuilt).isEqualTo(path);
	}

	@Provide
	Arbitrary<String> paths() {
		return Arbitraries.of("abc", "abcd", "def", "formtest", "x", "")
			.list()
			.ofMaxSize(4)
			.map((segments) -> "/" + String.join("/", segments));
	}

}
