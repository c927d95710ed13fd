package io.lws.core.mount;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Test helper: reads a {@link FileHandle} the way the engine does, in small chunks at increasing positions. */
final class FileHandles {

	private FileHandles() {
	}

	static String readAll(FileHandle handle) throws IOException {
		return readAll(handle, 7, false);
	}

	static String readAll(FileHandle handle, int chunk, boolean direct) throws IOException {
		return new String(readBytes(handle, chunk, direct), StandardCharsets.UTF_8);
	}

	static byte[] readBytes(FileHandle handle, int chunk, boolean direct) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(chunk) : ByteBuffer.allocate(chunk);
		long position = 0;
		int count;
		while ((count = handle.read(buffer.clear(), position)) >= 0) {
			buffer.flip();
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			out.write(bytes);
			position += count;
		}
		return out.toByteArray();
	}

}
