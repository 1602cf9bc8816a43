package org.vigie.cxf.internal;

import java.io.File;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.vigie.dmp.DmpRequestValidator;

/**
 * The out interceptor of {@code VigieFeature}: at {@code PREPARE_SEND}, after the conduit's stream is open (and after
 * the gzip wrapper when there is one), it puts a {@link ValidatingOutputStream} in front of it. Client requests only.
 */
public final class ValidatingInterceptor extends AbstractPhaseInterceptor<Message> {

    /** CXF's gzip interceptor, named rather than referenced: it need not be on the class path. */
    static final String GZIP_OUT = "org.apache.cxf.transport.common.gzip.GZIPOutInterceptor";

    /**
     * What the feature passed at initialisation.
     *
     * @param validator   the validator
     * @param enforce     true: refuse to send a request that is not accepted
     * @param clientChain the fallback TLS client chain, leaf first (may be empty)
     * @param threshold   the in-memory bytes of the cache (-1: CXF's default)
     * @param outputDir   the directory of the cache's temporary files (null: CXF's default)
     * @param logger      where the findings go
     * @param locale      the language of the logged messages
     */
    public record Settings(DmpRequestValidator validator, boolean enforce, List<X509Certificate> clientChain,
                           long threshold, File outputDir, System.Logger logger, Locale locale) {
    }

    private final Settings settings;

    /**
     * An interceptor with its settings.
     *
     * @param settings the feature's settings
     */
    public ValidatingInterceptor(Settings settings) {
        super(Phase.PREPARE_SEND);
        this.settings = settings;
        addAfter(MessageSenderInterceptor.class.getName());
        addAfter(GZIP_OUT);
    }

    /** Wraps the message's output stream (client requests that have one). */
    @Override
    public void handleMessage(Message message) throws Fault {
        if (!MessageUtils.isRequestor(message) || !MessageUtils.isOutbound(message)) {
            return;
        }
        OutputStream wire = message.getContent(OutputStream.class);
        if (wire == null || wire instanceof ValidatingOutputStream) {
            return;
        }
        message.setContent(OutputStream.class, new ValidatingOutputStream(wire, message, settings));
    }
}
