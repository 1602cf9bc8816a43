package org.vigie.dmp.internal;

import org.vigie.core.Messages;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.internal.limits.MeteredInputStream;

/** The per-call mutable state of one read of a request, shared by the MIME walk and the envelope pass. */
final class ReadState {

    final RequestVisitor visitor;
    final Report.Builder findings;
    boolean headerDone;
    boolean feedingBody;
    boolean aborted;
    MeteredInputStream meter;
    String soapVersion;
    String soapNs;
    int actions;
    String action;
    String httpAction;
    String bodyElement;
    int parts;
    final List<String> read = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();

    ReadState(RequestVisitor visitor, Report.Builder findings) {
        this.visitor = visitor;
        this.findings = findings;
    }

    void header(List<byte[]> assertions, Messages.Text problem) {
        if (headerDone) {
            return;
        }
        headerDone = true;
        visitor.header(new SoapHeaderInfo(Optional.ofNullable(soapVersion), effectiveAction(), assertions,
                Optional.ofNullable(problem)));
    }

    void ensureHeader(Messages.Text problem) {
        header(List.of(), problem == null ? Messages.text("VIHF-XML.dmp-no-soap-header") : problem);
    }

    Optional<String> effectiveAction() {
        return Optional.ofNullable(action != null && !action.isEmpty() ? action : httpAction);
    }

    MessageReader.Outcome outcome(String framing) {
        return new MessageReader.Outcome(framing, Optional.ofNullable(soapVersion), effectiveAction(),
                Optional.ofNullable(bodyElement), parts, List.copyOf(read), List.copyOf(ignored));
    }

    static final org.vigie.core.Location MESSAGE = org.vigie.core.Location.of("message");
    static final org.vigie.core.Location MTOM = org.vigie.core.Location.of("MTOM");
    static final org.vigie.core.Location XOP_INCLUDE = org.vigie.core.Location.of("xop:Include");

    static void messageError(ReadState st, org.vigie.core.Location where, String name, Object... args) {
        Finding f = Finding.of(Rules.AI_XML, name, where, "", args);
        st.findings.add(f);
        st.ensureHeader(Messages.text("VIHF-XML.dmp-message-unread", f.text()));
    }

    static Charset charset(Optional<String> name) {
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Charset.forName(name.get().strip());
        } catch (RuntimeException e) {
            return null; // unknown charset label: let the XML parser detect the encoding
        }
    }
}
