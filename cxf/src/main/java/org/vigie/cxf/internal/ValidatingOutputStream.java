package org.vigie.cxf.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.cxf.io.CachedOutputStream;
import org.apache.cxf.message.Message;
import org.vigie.core.Finding;
import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.TlsPeer;
import org.vigie.cxf.VigieRejectedException;
import org.vigie.dmp.DmpRequest;
import org.vigie.dmp.DmpValidation;

/**
 * The stream the later phases write the request into: a {@link CachedOutputStream} (memory up to its threshold, then a
 * temporary file) that nothing leaves before {@link #close()}. At close the validator reads the cached request as a
 * stream; then the findings are logged and the request is copied to the conduit's stream, or refused (ENFORCE).
 */
final class ValidatingOutputStream extends OutputStream {

    private static final Location TLS = Location.of("TLS");

    private final OutputStream wire;
    private final Message message;
    private final ValidatingInterceptor.Settings settings;
    private final CachedOutputStream cache;
    private boolean closed;

    ValidatingOutputStream(OutputStream wire, Message message, ValidatingInterceptor.Settings settings) {
        this.wire = wire;
        this.message = message;
        this.settings = settings;
        this.cache = new CachedOutputStream();
        if (settings.threshold() > 0) {
            cache.setThreshold(settings.threshold());
        }
        if (settings.outputDir() != null) {
            try {
                cache.setOutputDir(settings.outputDir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        cache.holdTempFile(); // read twice (validator, then the wire): the file stays until close
    }

    @Override
    public void write(int b) throws IOException {
        open();
        cache.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        open();
        cache.write(b, off, len);
    }

    /** Nothing leaves before the request is complete: a flush does not reach the conduit. */
    @Override
    public void flush() throws IOException {
        open();
        cache.flush();
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cache.flush();
            Optional<DmpValidation> v = validate();
            if (v.isPresent() && !v.get().accepted() && settings.enforce()) {
                throw new VigieRejectedException(v.get()); // the conduit's stream is never written: nothing is sent
            }
            try (InputStream in = cache.getInputStream()) {
                in.transferTo(wire);
            }
            wire.close();
        } finally {
            File spilled = cache.getTempFile();
            cache.releaseTempFileHold();
            cache.close();
            if (spilled != null && spilled.exists() && !spilled.delete()) {
                spilled.deleteOnExit();
            }
        }
    }

    /** The validation of the cached request, logged; empty when Vigie itself failed in REPORT mode. */
    private Optional<DmpValidation> validate() throws IOException {
        try {
            DmpValidation v = run();
            log(v);
            return Optional.of(v);
        } catch (IOException | RuntimeException e) {
            if (settings.enforce()) {
                throw e;
            }
            settings.logger().log(Level.ERROR, "Vigie: the DMP request to " + address()
                    + " could not be validated; sent anyway (REPORT)", e);
            return Optional.empty();
        }
    }

    private DmpValidation run() throws IOException {
        Optional<TlsPeer> peer = ClientChains.of(message, settings.clientChain());
        if (peer.isEmpty()) {
            Report r = Report.builder().add(Rules.CERT_AUTH_PROFILE, "cxf-no-client-certificate", TLS, address(), address())
                    .profile(settings.validator().profile()).build();
            return new DmpValidation(r, "unread", Optional.empty(), Optional.empty(), false, List.of());
        }
        Object ct = message.get(Message.CONTENT_TYPE);
        List<InputStream> opened = new ArrayList<>();
        DmpRequest request = DmpRequest.builder(peer.get(), () -> {
            try {
                InputStream in = cache.getInputStream();
                opened.add(in);
                return in;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).contentType(ct == null ? null : ct.toString()).build();
        try {
            return settings.validator().validate(request);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (InputStream in : opened) {
                in.close();
            }
        }
    }

    private void log(DmpValidation v) {
        System.Logger log = settings.logger();
        for (Finding f : v.report().findings()) {
            Level level = switch (f.severity()) {
                case ERROR -> Level.ERROR;
                case WARNING -> Level.WARNING;
                default -> Level.DEBUG;
            };
            if (log.isLoggable(level)) {
                log.log(level, oneLine("Vigie " + f.ruleId() + " " + f.severity() + " @" + f.location() + ": "
                        + f.message(settings.locale()) + (f.evidence().isEmpty() ? "" : " [" + f.evidence() + "]")));
            }
        }
        String cached = cache.size() + " bytes, " + (cache.getTempFile() == null ? "cached in memory" : "cached on disk");
        if (v.accepted()) {
            log.log(Level.INFO, oneLine("Vigie: DMP request to " + address() + " accepted (" + v.report().findings().size()
                    + " findings; " + cached + ")"));
        } else {
            log.log(Level.WARNING, oneLine("Vigie: DMP request to " + address() + " not accepted: "
                    + v.report().bySeverity(Severity.ERROR).size() + " error(s), "
                    + (settings.enforce() ? "not sent (ENFORCE)" : "sent anyway (REPORT)") + " (" + cached + ")"));
        }
    }

    private String address() {
        Object a = message.get(Message.ENDPOINT_ADDRESS);
        return a == null ? "(unknown address)" : a.toString();
    }

    /** A log line holds no line break (values come from the request). */
    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
