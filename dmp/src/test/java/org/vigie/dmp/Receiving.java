package org.vigie.dmp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vigie.core.Finding;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.Rule;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Test requests for the "what the receiver reads" classes: valid test-kit messages (independent of the validators)
 * and the surgery that turns them into the hostile shapes (parts reordered, duplicated, renamed; envelope pieces
 * repeated or moved). Every hostile shape starts from a message the validator accepts.
 */
final class Receiving {

    static final String DOC = "Doc01";
    static final String CID = XdsSubmissionBuilder.contentId(DOC);

    final DmpRequestValidatorTest base = new DmpRequestValidatorTest();

    /** A feeding whose every authorInstitution (XDS and CDA) is {@code structure}. */
    static DmpMessageBuilder feeding(VihfBuilder vihf, String structure, boolean xop) {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document(DOC, CdaBuilder.ciSis().author("Site", structure))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", structure))
                .documentAuthorInstitution(DOC, XdsSubmissionBuilder.xon("Site", structure));
        return DmpMessageBuilder.feeding(vihf, xop ? sub.xop() : sub.inline());
    }

    static DmpMessageBuilder feeding(String structure, boolean xop) {
        return feeding(DmpRequestValidatorTest.vihf(), structure, xop);
    }

    /** The CDA bytes of the test-kit document authored by {@code structure}. */
    static byte[] cda(String structure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CdaBuilder.ciSis().author("Site", structure).writeTo(out);
        return out.toByteArray();
    }

    DmpValidation validate(byte[] bytes, String contentType) {
        return base.validator.validateRequest(DmpRequestValidatorTest.AUTH.certificate(),
                DmpRequestValidatorTest.AUTH.chain(), new ByteArrayInputStream(bytes), contentType, DmpRequestValidatorTest.AT);
    }

    DmpValidation validate(String xml) {
        return validate(xml.getBytes(StandardCharsets.UTF_8), "application/soap+xml; charset=UTF-8");
    }

    static List<Finding> of(Report r, Rule rule) {
        return r.byRule(rule);
    }

    /** The structures of the report's occurrences (what control 2 read). */
    static List<String> structures(Report r) {
        return r.occurrences().stream().map(Occurrence::structureId).distinct().toList();
    }

    // ---------------------------------------------------------------- MIME surgery

    /** One MIME part: its header block (CRLF-separated lines, no final blank line) and its body bytes. */
    record Part(String headers, byte[] body) {
        Part withHeaders(String h) {
            return new Part(h, body);
        }

        String contentId() {
            for (String line : headers.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-ID:", 0, 11)) {
                    return line.substring(11).strip();
                }
            }
            return null;
        }

        Part withContentId(String bracketed) {
            StringBuilder sb = new StringBuilder();
            for (String line : headers.split("\r\n")) {
                if (!line.regionMatches(true, 0, "Content-ID:", 0, 11)) {
                    sb.append(sb.length() == 0 ? "" : "\r\n").append(line);
                }
            }
            return new Part(sb + (bracketed == null ? "" : "\r\nContent-ID: " + bracketed), body);
        }
    }

    /** Splits a multipart body into its parts (the test-kit layout: CRLF before every delimiter). */
    static List<Part> parts(byte[] mime, String boundary) {
        String s = new String(mime, StandardCharsets.ISO_8859_1);
        String delim = "--" + boundary;
        List<Part> out = new ArrayList<>();
        int i = s.indexOf(delim);
        while (i >= 0) {
            int start = i + delim.length();
            if (s.startsWith("--", start)) {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = s.indexOf("\r\n" + delim, start);
            String part = s.substring(start, next);
            int sep = part.indexOf("\r\n\r\n");
            out.add(new Part(part.substring(0, sep), part.substring(sep + 4).getBytes(StandardCharsets.ISO_8859_1)));
            i = next + 2;
        }
        return out;
    }

    static byte[] join(List<Part> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary + "\r\n" + p.headers() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(p.body());
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** The Content-Type of a multipart body with another (or no) start parameter. */
    static String contentType(DmpMessageBuilder msg, String startOrNull) {
        String ct = msg.contentType().replace("; start=\"<" + msg.rootContentId() + ">\"", "");
        return startOrNull == null ? ct : ct + "; start=\"" + startOrNull + "\"";
    }
}
