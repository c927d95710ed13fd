package io.lws.spring.boot.autoconfigure.management;

import java.util.List;
import java.util.Map;

/**
 * One GET request to the management server, copied out of the connection's header buffer in
 * {@code LWS_CALLBACK_HTTP} so that it can be answered off the service thread.
 *
 * @param path the decoded request path
 * @param query query arguments by name, each with its values in order
 * @param accept the values of the {@code accept} header, possibly empty
 */
record ManagementRequest(String path, Map<String, List<String>> query, List<String> accept) {
}
