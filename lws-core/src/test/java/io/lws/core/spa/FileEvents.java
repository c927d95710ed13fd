package io.lws.core.spa;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link FileUploadListener} that checks the order of events the API promises and keeps, per file part, its
 * names, its content and how it ended; the raw events too, for tests about them.
 */
final class FileEvents implements FileUploadListener {

	/** One file part as the application saw it. */
	record UploadedFile(String paramName, String fileName, String content, FileUploadState end) {
	}

	/** One call, with a copy of its data. */
	record Event(String paramName, String fileName, FileUploadState state, String data) {
	}

	private final List<UploadedFile> files = new ArrayList<>();

	private final List<Event> events = new ArrayList<>();

	private ByteArrayOutputStream content;

	private String paramName;

	private String fileName;

	@Override
	public void onFile(String paramName, String fileName, FileUploadState state, ByteBuffer data) {
		assertThat(data.isReadOnly()).isTrue();
		byte[] bytes = new byte[data.remaining()];
		data.get(bytes);
		this.events.add(new Event(paramName, fileName, state, new String(bytes, StandardCharsets.ISO_8859_1)));
		assertThat(fileName).isNotEmpty();
		switch (state) {
			case OPEN -> {
				assertThat(this.content).as("OPEN while a file is open").isNull();
				assertThat(bytes).isEmpty();
				this.content = new ByteArrayOutputStream();
				this.paramName = paramName;
				this.fileName = fileName;
			}
			case CONTENT -> {
				assertOpen(paramName, fileName);
				assertThat(bytes).as("CONTENT is never empty").isNotEmpty();
				this.content.write(bytes, 0, bytes.length);
			}
			case FINAL_CONTENT, CLOSE -> {
				assertOpen(paramName, fileName);
				if (state == FileUploadState.CLOSE) {
					assertThat(bytes).isEmpty();
				}
				this.content.write(bytes, 0, bytes.length);
				this.files.add(new UploadedFile(paramName, fileName,
						this.content.toString(StandardCharsets.ISO_8859_1), state));
				this.content = null;
			}
		}
	}

	private void assertOpen(String paramName, String fileName) {
		assertThat(this.content).as("event without OPEN").isNotNull();
		assertThat(paramName).isEqualTo(this.paramName);
		assertThat(fileName).isEqualTo(this.fileName);
	}

	/** The files ended so far, by FINAL_CONTENT or CLOSE. */
	List<UploadedFile> files() {
		return this.files;
	}

	/** Every call so far. */
	List<Event> events() {
		return this.events;
	}

	/** Whether a file was opened and not yet ended. */
	boolean fileOpen() {
		return this.content != null;
	}

}
