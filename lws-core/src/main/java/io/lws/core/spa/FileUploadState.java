package io.lws.core.spa;

/**
 * Where a file part of a multipart form stands when a {@link FileUploadListener} is called: libwebsockets'
 * {@code enum lws_spa_fileupload_states}.
 * <p>
 * Every file part gets exactly this sequence: one {@link #OPEN}, then zero or more {@link #CONTENT}, then exactly
 * one of {@link #FINAL_CONTENT} (the part arrived whole) or {@link #CLOSE} (it did not, and what was written for it
 * should be thrown away). Nothing follows the final call for that part.
 */
public enum FileUploadState {

	/**
	 * {@code LWS_UFS_CONTENT}: a piece of the file, never empty. More pieces follow.
	 */
	CONTENT,

	/**
	 * {@code LWS_UFS_FINAL_CONTENT}: the file part is complete: its content ended at a boundary. The data is the last
	 * piece, found in the same input buffer as that boundary, and may be empty; the file's length is the sum of the
	 * {@link #CONTENT} pieces and this one.
	 * <p>
	 * The body as a whole may still be refused after this, by a later part or by what follows the boundary, so an
	 * upload should only be committed once {@link Spa#finish()} returned, and dropped when a {@link SpaException}
	 * came instead.
	 */
	FINAL_CONTENT,

	/**
	 * {@code LWS_UFS_OPEN}: a file part starts; the data is empty. Called once per file part, after its headers.
	 */
	OPEN,

	/**
	 * {@code LWS_UFS_CLOSE}: the file part was abandoned before its end, because it grew beyond
	 * {@link SpaConfig#maxFileSize()}, the body turned out malformed or ended early, or the {@link Spa} was closed
	 * with the part still open. The data is empty. libwebsockets 4.x sends it from {@code lws_spa_destroy()} only,
	 * so an application can close its file there; here it also marks the upload as incomplete.
	 */
	CLOSE

}
