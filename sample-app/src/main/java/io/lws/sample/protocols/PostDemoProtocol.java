package io.lws.sample.protocols;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.lws.core.HeaderToken;
import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.LwsVhost;
import io.lws.core.WriteProtocol;
import io.lws.core.log.LwsLog;
import io.lws.core.spa.FileUploadListener;
import io.lws.core.spa.FileUploadState;
import io.lws.core.spa.Spa;
import io.lws.core.spa.SpaConfig;
import io.lws.core.spa.SpaException;
import io.lws.spring.boot.autoconfigure.LwsProtocol;

/**
 * {@code protocol-post-demo}, behind the callback mount {@code /formtest}: parses urlencoded and multipart forms as
 * they stream in (libwebsockets' {@code lws_spa}) and answers with a table of the fields received. Field values are
 * bounded (1024 bytes each), the body is bounded, and an uploaded file (at most 100 000 bytes) is written only inside
 * a temporary directory this protocol owns, under a name it chooses, and deleted once reported.
 */
@LwsProtocol(name = PostDemoProtocol.NAME, rxBufferSize = PostDemoProtocol.RX_BUFFER_SIZE)
public class PostDemoProtocol implements LwsProtocolHandler<PostDemoProtocol.Session> {

	/** The protocol name the {@code /formtest} mount names. */
	public static final String NAME = "protocol-post-demo";

	/** The rx buffer size libwebsockets' test server gives this protocol. */
	public static final int RX_BUFFER_SIZE = 1024;

	/** The fields the demo form has. */
	static final List<String> FIELDS = List.of("text", "send", "file", "upload");

	/** The largest file accepted, as the test page enforces. */
	public static final long MAX_FILE = 100_000;

	/** The largest request body accepted. */
	public static final long MAX_BODY = 256 * 1024;

	private static final SpaConfig CONFIG = SpaConfig.builder()
		.paramNames(FIELDS)
		.maxValueLength(1024)
		.maxFileSize(MAX_FILE)
		.build();

	private volatile Path uploadDir;

	/** One form submission. */
	public static final class Session {

		Spa spa;

		long bodyBytes;

		String fileName;

		long fileLength;

		Path file;

		FileChannel channel;

	}

	/**
	 * Where uploaded files are written while their form is received (a temporary directory made at
	 * {@code PROTOCOL_INIT}); each is deleted once its form is answered, refused or its connection closes.
	 * @return the directory, or {@code null} before the protocol is initialised
	 */
	public Path uploadDirectory() {
		return this.uploadDir;
	}

	@Override
	public int onProtocolInit(LwsVhost vhost) {
		try {
			this.uploadDir = Files.createTempDirectory("lws-post-demo-");
			this.uploadDir.toFile().deleteOnExit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the upload directory", ex);
		}
		return 0;
	}

	@Override
	public int onProtocolDestroy(LwsVhost vhost) {
		Path dir = this.uploadDir;
		if (dir != null) {
			try (var files = Files.list(dir)) {
				for (Path f : (Iterable<Path>) files::iterator) {
					Files.deleteIfExists(f);
				}
				Files.deleteIfExists(dir);
			}
			catch (IOException ex) {
				LwsLog.info("Could not clean {}: {}", dir, ex.getMessage());
			}
		}
		return 0;
	}

	@Override
	public Session newSession(Lws wsi) {
		return new Session();
	}

	@Override
	public int onHttp(Lws wsi, Session s, String uri) {
		String method = wsi.httpMethod();
		if (!"POST".equals(method) && !"PUT".equals(method)) {
			ByteBuffer head = HttpHeaders.status(405).add("allow", "POST, PUT").contentLength(0).toByteBuffer(wsi);
			wsi.write(head, WriteProtocol.HTTP_HEADERS);
			return wsi.httpTransactionCompleted() ? -1 : 0;
		}
		String declared = wsi.hdrCopy(HeaderToken.HTTP_CONTENT_LENGTH);
		if (declared != null && Long.parseLong(declared) > MAX_BODY) {
			return wsi.returnHttpStatus(413, "The form is larger than " + MAX_BODY + " bytes.");
		}
		String type = wsi.hdrCopy(HeaderToken.HTTP_CONTENT_TYPE);
		if (!Spa.isFormContentType(type)) {
			return wsi.returnHttpStatus(415, "Send application/x-www-form-urlencoded or multipart/form-data.");
		}
		s.spa = new Spa(CONFIG, type, uploads(s));
		return 0;
	}

	private FileUploadListener uploads(Session s) {
		return (param, fileName, state, data) -> {
			switch (state) {
				case OPEN -> {
					s.fileName = fileName;
					s.file = Files.createTempFile(this.uploadDir, "upload-", ".bin");
					s.channel = FileChannel.open(s.file, StandardOpenOption.WRITE);
				}
				case CONTENT, FINAL_CONTENT -> {
					while (data.hasRemaining()) {
						s.fileLength += s.channel.write(data);
					}
					if (state == FileUploadState.FINAL_CONTENT) {
						s.channel.close();
					}
				}
				case CLOSE -> discardFile(s);
			}
		};
	}

	@Override
	public int onHttpBody(Lws wsi, Session s, ByteBuffer in) {
		if (s.spa == null) {
			return 0;
		}
		s.bodyBytes += in.remaining();
		if (s.bodyBytes > MAX_BODY) {
			release(s);
			return wsi.returnHttpStatus(413, "The form is larger than " + MAX_BODY + " bytes.");
		}
		try {
			s.spa.process(in);
		}
		catch (SpaException ex) {
			release(s);
			return wsi.returnHttpStatus(ex.httpStatus(), ex.getMessage());
		}
		catch (IOException ex) {
			LwsLog.warn("Upload failed: {}", ex.getMessage());
			release(s);
			return wsi.returnHttpStatus(500, null);
		}
		return 0;
	}

	@Override
	public int onHttpBodyCompletion(Lws wsi, Session s) {
		if (s.spa == null) {
			return 0;
		}
		try {
			s.spa.finish();
		}
		catch (SpaException ex) {
			release(s);
			return wsi.returnHttpStatus(ex.httpStatus(), ex.getMessage());
		}
		catch (IOException ex) {
			release(s);
			return wsi.returnHttpStatus(500, null);
		}
		byte[] body = resultPage(s).getBytes(StandardCharsets.UTF_8);
		release(s);
		wsi.write(HttpHeaders.status(200).contentType("text/html; charset=utf-8").contentLength(body.length)
			.toByteBuffer(wsi), WriteProtocol.HTTP_HEADERS);
		wsi.write(ByteBuffer.wrap(body), WriteProtocol.HTTP_FINAL);
		return wsi.httpTransactionCompleted() ? -1 : 0;
	}

	/** {@code HTTP_DROP_PROTOCOL}: however the transaction ended (answered, refused, cut short), nothing stays. */
	@Override
	public int onHttpDropProtocol(Lws wsi, Session s) {
		release(s);
		return 0;
	}

	/** The answer: the fields as a table, then the file's name and length. */
	static String resultPage(Session s) {
		StringBuilder sb = new StringBuilder(512);
		sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form results</title></head>")
			.append("<body><h1>Form results (after urldecoding)</h1><table id=\"results\">")
			.append("<tr><td>Name</td><td>Length</td><td>Value</td></tr>");
		for (String name : FIELDS) {
			String v = s.spa.value(name);
			sb.append("<tr><td><b>").append(name).append("</b></td><td>").append((v != null) ? s.spa.length(name) : 0)
				.append("</td><td>").append((v != null) ? escape(v) : "NULL").append("</td></tr>");
		}
		sb.append("</table><br><b>filename:</b> ").append((s.fileName != null) ? escape(s.fileName) : "")
			.append(", <b>length</b> ").append(s.fileLength).append("</body></html>");
		return sb.toString();
	}

	/**
	 * Closes the parser and deletes the upload: after every answer, refusals included, and at the transaction's
	 * {@code HTTP_DROP_PROTOCOL}, so that a refused form's file (finished before the part that was refused) or a body
	 * cut short by the connection's close never stays in the upload directory.
	 */
	private static void release(Session s) {
		closeSpa(s);
		discardFile(s);
	}

	/**
	 * Closes and forgets the parser, so that nothing more is fed to one that has failed (the engine hands over no
	 * more of a body once the protocol has answered, as libwebsockets' {@code LRS_DISCARD_BODY} does; the demo does
	 * not rely on it).
	 */
	private static void closeSpa(Session s) {
		if (s.spa != null) {
			try {
				s.spa.close();
			}
			catch (IOException ex) {
				// the upload is being dropped anyway
			}
			s.spa = null;
		}
	}

	private static void discardFile(Session s) {
		try {
			if (s.channel != null) {
				s.channel.close();
			}
			if (s.file != null) {
				Files.deleteIfExists(s.file);
			}
		}
		catch (IOException ex) {
			LwsLog.info("Could not delete upload {}: {}", s.file, ex.getMessage());
		}
		s.channel = null;
		s.file = null;
	}

	static String escape(String v) {
		return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
