package org.vigie.dmp.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.Location;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.vigie.core.Rules;
import org.vigie.core.internal.mime.ContentIds;
import org.vigie.core.internal.limits.LimitExceededException;
import org.vigie.dmp.RequestLimits;

/**
 * The MIME walk of an MTOM request: the parts of {@code multipart/related} in order, the root part the {@code start}
 * parameter names handed to the {@link EnvelopePass}, then each attachment matched to a pending XOP href by its
 * Content-ID (exactly, as RFC 2392 and CXF), with the findings of the parts two receivers would read differently
 * ({@code MIME-START}, {@code MIME-CID}). Streams: an attachment is read through, never held. Thread-safe.
 */
final class MimeWalk {

    private final RequestLimits limits;
    private final EnvelopePass envelope;

    MimeWalk(RequestLimits limits, EnvelopePass envelope) {
        this.limits = limits;
        this.envelope = envelope;
    }

    void walk(Framing.Framed framed, ReadState st) {
        MimeConfig cfg = MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxContentLen(-1)
                .setMaxLineLen(limits.maxPartHeaderLineLength())
                .setMaxHeaderLen(limits.maxPartHeaderLineLength())
                .setMaxHeaderCount(limits.maxPartHeaderFields())
                .build();
        MimeTokenStream ts = new MimeTokenStream(cfg);
        String boundary = framed.contentType().flatMap(c -> c.parameter("boundary")).orElse("");
        DelimiterWatch watch = new DelimiterWatch(framed.body(), ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1));
        try {
            ts.parseHeadless(watch, headerValue(framed.contentType().orElseThrow()));
        } catch (IllegalArgumentException e) {
            // mime4j refuses a header value holding a line break (e.g. a boundary read from a mangled first line)
            ReadState.messageError(st, ReadState.MTOM, "dmp-content-type-newline");
            return;
        }
        // SAAJ reads the part the start parameter names, CXF the first part: Vigie follows start, and says when they differ
        Optional<String> start = framed.contentType().flatMap(c -> c.parameter("start")).map(ContentIds::ofHeader);
        Set<String> contentIds = new HashSet<>();
        boolean rootRead = false;
        int depth = 0;
        String contentId = null;
        String partType = null;
        try {
            for (EntityState s = ts.getState(); s != EntityState.T_END_OF_STREAM; s = ts.next()) {
                switch (s) {
                    case T_START_BODYPART -> {
                        depth++;
                        contentId = null;
                        partType = null;
                        if (depth == 1 && ++st.parts > limits.maxParts()) {
                            ReadState.messageError(st, ReadState.MTOM, "dmp-too-many-parts", limits.maxParts());
                            return;
                        }
                    }
                    case T_END_BODYPART -> depth--;
                    case T_FIELD -> {
                        Field f = ts.getField();
                        if ("content-id".equalsIgnoreCase(f.getName())) {
                            contentId = ContentIds.ofHeader(f.getBody());
                        } else if ("content-type".equalsIgnoreCase(f.getName())) {
                            partType = f.getBody();
                        }
                    }
                    case T_BODY -> {
                        if (depth != 1) {
                            continue; // nested multipart inside a part: not an MTOM layout, ignored
                        }
                        if (contentId != null && !contentIds.add(contentId)) {
                            st.findings.add(Rules.MIME_CID, "dmp-repeated", ReadState.MTOM,
                                    contentId, contentId);
                        }
                        if (!rootRead) {
                            boolean isRoot = start.isEmpty() || start.get().equals(contentId);
                            if (st.parts == 1 && !isRoot) {
                                st.findings.add(Rules.MIME_START, contentId == null ? "first-part-unnamed" : "first-part-not-start",
                                        ReadState.MTOM, start.get(), start.get(),
                                        contentId == null ? "" : contentId);
                            }
                            if (!isRoot) {
                                st.ignored.add(contentId == null ? "(sans Content-ID)" : contentId);
                                continue;
                            }
                            rootRead = true;
                            // mime4j defaults the charset to US-ASCII: only an explicit charset parameter counts
                            Charset cs = ReadState.charset(ContentType.parse(partType).flatMap(c -> c.parameter("charset")));
                            envelope.read(new NonClosing(ts.getDecodedInputStream()), cs, st, EnvelopePass.MTOM_ROOT);
                            if (!st.feedingBody || st.aborted) {
                                return; // control 1 only: attachments are not needed
                            }
                            checkHrefs(st);
                        } else {
                            attachment(ts, contentId, st);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (st.parts == 0) {
                ReadState.messageError(st, ReadState.MTOM, "dmp-no-part", framed.contentType().flatMap(c -> c.parameter("boundary")).orElse("?"));
            } else if (!rootRead) {
                st.findings.add(Rules.MIME_START, "start-not-found", ReadState.MTOM,
                        start.orElse(""), start.orElse(""));
                st.ensureHeader(org.vigie.core.Messages.text("VIHF-XML.dmp-start-not-found"));
            } else if (!watch.seen) {
                ReadState.messageError(st, ReadState.MTOM, "dmp-truncated", boundary);
            }
        } catch (MimeException | IOException e) {
            Optional<LimitExceededException> limit = LimitExceededException.in(e);
            if (limit.isPresent()) {
                ReadState.messageError(st, ReadState.MTOM, "dmp-read", limit.get().description());
            } else {
                ReadState.messageError(st, ReadState.MTOM, "dmp-mtom-unreadable", e.getMessage());
            }
        }
    }

    /** Every pending XOP href must be a cid: URL a receiver resolves as Vigie does. */
    private static void checkHrefs(ReadState st) {
        for (String href : st.visitor.pendingAttachments()) {
            ContentIds.check(href, ReadState.XOP_INCLUDE).ifPresent(st.findings::add);
        }
    }

    private static String headerValue(ContentType ct) {
        StringBuilder sb = new StringBuilder(ct.mimeType());
        for (Map.Entry<String, String> e : ct.parameters().entrySet()) {
            sb.append("; ").append(e.getKey()).append("=\"").append(e.getValue().replace("\"", "\\\"")).append('"');
        }
        return sb.toString();
    }

    private void attachment(MimeTokenStream ts, String contentId, ReadState st) throws IOException {
        if (contentId == null) {
            st.ignored.add("(sans Content-ID)");
            return;
        }
        Set<String> pending = st.visitor.pendingAttachments();
        String match = null;
        for (String href : pending) {
            if (ContentIds.matches(href, contentId)) {
                match = href;
                break;
            }
        }
        if (match == null) {
            String decodedByCxf = ContentIds.asCxfDecodes(contentId);
            for (String href : pending) {
                if (!decodedByCxf.equals(contentId) && ContentIds.ofHref(href).map(decodedByCxf::equals).orElse(false)) {
                    st.findings.add(Rules.MIME_CID, "dmp-cxf-decoded", ReadState.MTOM, contentId,
                            contentId, href);
                } else if (ContentIds.ofHref(href).map(contentId::equalsIgnoreCase).orElse(false)) {
                    st.findings.add(Rules.MIME_CID, "dmp-case-only", ReadState.MTOM, contentId,
                            contentId, href);
                }
            }
            st.ignored.add(contentId);
            return;
        }
        st.read.add(contentId);
        st.visitor.attachment(match, new NonClosing(ts.getDecodedInputStream()));
    }

    /** Passes bytes through and notes whether a given delimiter (the closing MIME boundary) went by. */
    private static final class DelimiterWatch extends FilterInputStream {
        private final byte[] needle;
        private final int[] failure;
        private int matched;
        boolean seen;

        DelimiterWatch(InputStream in, byte[] needle) {
            super(in);
            this.needle = needle;
            this.failure = new int[needle.length];
            for (int i = 1, k = 0; i < needle.length; i++) {
                while (k > 0 && needle[i] != needle[k]) {
                    k = failure[k - 1];
                }
                if (needle[i] == needle[k]) {
                    k++;
                }
                failure[i] = k;
            }
        }

        private void scan(byte[] b, int off, int len) {
            if (seen) {
                return;
            }
            for (int i = off; i < off + len; i++) {
                while (matched > 0 && b[i] != needle[matched]) {
                    matched = failure[matched - 1];
                }
                if (b[i] == needle[matched]) {
                    matched++;
                    if (matched == needle.length) {
                        seen = true;
                        return;
                    }
                }
            }
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                scan(new byte[] {(byte) c}, 0, 1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                scan(b, off, n);
            }
            return n;
        }
    }

    /** Hides close() from consumers so that the MIME parser keeps control of the part stream. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // not ours to close
        }
    }
}
