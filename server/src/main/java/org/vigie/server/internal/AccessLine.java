package org.vigie.server.internal;

import java.time.Instant;
import java.util.List;
import org.vigie.core.ReportJson;

/**
 * One structured access-log line (a JSON object on one line): time, remote address, method, path, HTTP status,
 * SOAP action, verdict, rule ids fired, client certificate subject, framing of the body (plain SOAP or MTOM) and
 * MTOM documents read, body bytes received (as sent: compressed when the request has a Content-Encoding), body bytes
 * after decoding the Content-Encoding (equal to the bytes received without one), duration.
 *
 * <p>Verdicts: {@code accepted}, {@code rejected}, {@code not-simulated}, {@code unreadable}, {@code no-client-certificate},
 * {@code too-large}, {@code unsupported-encoding}, {@code busy}, {@code timeout}, {@code stopping}, {@code error}, {@code health}, {@code method-not-allowed}, {@code journal} (a page of the request journal), {@code journal-forbidden} (one asked by a client off the loopback interface).
 */
public record AccessLine(Instant time, String remote, String method, String path, int status, String action,
                         String verdict, List<String> rules, String client, String framing, int attachments, long bytesIn,
                         long bytesDecoded, long millis) {

    /** @return the line as one-line JSON */
    public String toJson() {
        StringBuilder sb = new StringBuilder(256).append('{');
        field(sb, "time", time.toString()).append(',');
        field(sb, "remote", remote).append(',');
        field(sb, "method", method).append(',');
        field(sb, "path", path).append(',');
        sb.append("\"status\":").append(status).append(',');
        field(sb, "action", action).append(',');
        field(sb, "verdict", verdict).append(',');
        sb.append("\"rules\":[");
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            str(sb, rules.get(i));
        }
        sb.append("],");
        field(sb, "client", client).append(',');
        field(sb, "framing", framing).append(',');
        sb.append("\"attachments\":").append(attachments).append(',');
        sb.append("\"bytesIn\":").append(bytesIn).append(",\"bytesDecoded\":").append(bytesDecoded)
                .append(",\"ms\":").append(millis).append('}');
        return sb.toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        if (value == null) {
            return sb.append("null");
        }
        return str(sb, value);
    }

    private static StringBuilder str(StringBuilder sb, String s) {
        return sb.append(ReportJson.str(s)); // the one JSON string escaping of the project
    }
}
