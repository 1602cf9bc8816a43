package org.vigie.server.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vigie.core.Report;
import org.vigie.core.ReportJson;

/**
 * One request of the journal: what the access line says, the client certificate, the request headers that frame the
 * body, the bounded raw copy of the body as received, and the report when the request was validated. Immutable
 * (the raw array is never handed out: {@link #rawBytes()} copies). Its JSON form ({@link #json()}, format
 * {@value #FORMAT}) is computed once, at construction.
 *
 * @param n               the sequence number (1, 2, ... since start; continued after the files of a journal folder)
 * @param time            when the request arrived (the server's clock)
 * @param remote          the client's address and port
 * @param method          the HTTP method
 * @param path            the raw path
 * @param status          the HTTP status of the answer (0: none, the connection was closed)
 * @param verdict         the access-log verdict
 * @param action          the SOAP action, or null
 * @param rules           the rule ids fired
 * @param profile         the policy profile id, or null
 * @param client          the client certificate of the handshake, or null
 * @param framing         the framing of the body, or null
 * @param attachments     the MTOM documents read
 * @param bytesIn         body bytes received
 * @param bytesDecoded    body bytes after the Content-Encoding
 * @param millis          time to the answer
 * @param contentType     the Content-Type header, or null
 * @param contentEncoding the Content-Encoding header, or null
 * @param soapAction      the SOAPAction header, or null
 * @param rawBytes        the raw copy (kept private)
 * @param rawTruncated    true when the body was larger than the copy
 * @param report          the report, or null when the request was answered without a validation
 * @param locale          the language of the report's messages
 */
public record JournalEntry(long n, Instant time, String remote, String method, String path, int status, String verdict,
                           String action, List<String> rules, String profile, X509Certificate client, String framing,
                           int attachments, long bytesIn, long bytesDecoded, long millis, String contentType,
                           String contentEncoding, String soapAction, byte[] rawBytes, boolean rawTruncated, Report report,
                           Locale locale, String json) {

    /** The {@code format} of an entry's JSON. */
    public static final String FORMAT = "vigie-journal-entry/1";

    /** An entry whose {@link #json()} is computed from its fields. */
    public JournalEntry(long n, Instant time, String remote, String method, String path, int status, String verdict,
                        String action, List<String> rules, String profile, X509Certificate client, String framing,
                        int attachments, long bytesIn, long bytesDecoded, long millis, String contentType,
                        String contentEncoding, String soapAction, byte[] rawBytes, boolean rawTruncated, Report report,
                        Locale locale) {
        this(n, time, remote, method, path, status, verdict, action, rules, profile, client, framing, attachments, bytesIn,
                bytesDecoded, millis, contentType, contentEncoding, soapAction, rawBytes, rawTruncated, report, locale,
                null);
    }

    /** Copies the rule list; computes the JSON form when none is given. */
    public JournalEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rawBytes, "rawBytes");
        Objects.requireNonNull(locale, "locale");
        rules = List.copyOf(rules);
        if (json == null) {
            json = toJson(n, time, remote, method, path, status, verdict, action, rules, profile, client, framing,
                    attachments, bytesIn, bytesDecoded, millis, contentType, contentEncoding, soapAction, rawBytes.length,
                    rawTruncated, report, locale);
        }
    }

    /** @return a copy of the raw body as received (at most the journal's entry bound) */
    @Override
    public byte[] rawBytes() {
        return rawBytes.clone();
    }

    /** @return the length of the raw copy */
    public int rawLength() {
        return rawBytes.length;
    }

    /** @return what the entry holds in memory, counted against the journal's total: raw copy plus JSON */
    public long retainedBytes() {
        return (long) rawBytes.length + json.length();
    }

    /** @return the client certificate's subject, or null */
    public String clientSubject() {
        return client == null ? null : client.getSubjectX500Principal().getName();
    }

    /** @return the client certificate's issuer, or null */
    public String clientIssuer() {
        return client == null ? null : client.getIssuerX500Principal().getName();
    }

    /** @return the client certificate's SHA-256 fingerprint in lower-case hex, or null */
    public String clientSha256() {
        return client == null ? null : sha256(client);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalEntry e && e.n == n && e.json.equals(json);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + json.hashCode();
    }

    @Override
    public String toString() {
        return "JournalEntry[" + n + ", " + verdict + ", " + rules + "]";
    }

    private static String sha256(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }

    private static String toJson(long n, Instant time, String remote, String method, String path, int status,
                                 String verdict, String action, List<String> rules, String profile, X509Certificate client,
                                 String framing, int attachments, long bytesIn, long bytesDecoded, long millis,
                                 String contentType, String contentEncoding, String soapAction, int rawLength,
                                 boolean rawTruncated, Report report, Locale locale) {
        StringBuilder sb = new StringBuilder(2048).append("{\n");
        line(sb, "format", str(FORMAT));
        line(sb, "n", String.valueOf(n));
        line(sb, "time", str(time.toString()));
        line(sb, "remote", str(remote));
        line(sb, "method", str(method));
        line(sb, "path", str(path));
        line(sb, "status", String.valueOf(status));
        line(sb, "verdict", str(verdict));
        line(sb, "action", str(action));
        StringBuilder r = new StringBuilder("[");
        for (int i = 0; i < rules.size(); i++) {
            r.append(i > 0 ? ", " : "").append(ReportJson.str(rules.get(i)));
        }
        line(sb, "rules", r.append(']').toString());
        line(sb, "profile", str(profile));
        if (client == null) {
            line(sb, "client", "null");
        } else {
            line(sb, "client", "{\"subject\": " + str(client.getSubjectX500Principal().getName())
                    + ", \"issuer\": " + str(client.getIssuerX500Principal().getName())
                    + ", \"serial\": " + str(client.getSerialNumber().toString(16))
                    + ", \"notBefore\": " + str(client.getNotBefore().toInstant().toString())
                    + ", \"notAfter\": " + str(client.getNotAfter().toInstant().toString())
                    + ", \"sha256\": " + str(sha256(client)) + "}");
        }
        line(sb, "framing", str(framing));
        line(sb, "attachments", String.valueOf(attachments));
        line(sb, "bytesIn", String.valueOf(bytesIn));
        line(sb, "bytesDecoded", String.valueOf(bytesDecoded));
        line(sb, "ms", String.valueOf(millis));
        line(sb, "headers", "{\"Content-Type\": " + str(contentType) + ", \"Content-Encoding\": " + str(contentEncoding)
                + ", \"SOAPAction\": " + str(soapAction) + "}");
        line(sb, "raw", "{\"bytes\": " + rawLength + ", \"truncated\": " + rawTruncated + ", \"href\": "
                + str("/requests/" + n + "/raw") + "}");
        sb.append("  \"report\": ");
        if (report == null) {
            sb.append("null\n");
        } else {
            String rj = ReportJson.toJson(report, locale);
            // the report's own pretty-printing, indented one level more
            sb.append(rj.strip().replace("\n", "\n  ")).append('\n');
        }
        return sb.append("}\n").toString();
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    private static String str(String s) {
        return s == null ? "null" : ReportJson.str(s);
    }
}
