package org.vigie.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie check}: validates one DMP request (or its parts) against controls 1 and 2 and prints the report.
 * Exit 0 accepted, 1 rejected, 2 unusable input or arguments.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Vérifie une requête DMP telle que le connecteur l'envoie : certificat TLS + message SOAP/MTOM "
                + "(contrôle 1 : jeton VIHF ; contrôle 2 : authorInstitution pour une alimentation ITI-41).",
                "Code retour : 0 acceptée, 1 rejetée, 2 entrée ou arguments inutilisables."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tls-cert", required = true, paramLabel = "FILE",
            description = "Certificat TLS client (ORG_AUTH_CLI), PEM ou DER ; les certificats suivants d'un PEM forment la chaîne.")
    Path tlsCert;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    /** Either a whole message or its parts. */
    static final class Input {
        @Option(names = "--message", paramLabel = "FILE",
                description = "La requête : enveloppe SOAP, corps MTOM (multipart/related), ou capture HTTP avec en-têtes ; « - » pour l'entrée standard.")
        Path message;

        @ArgGroup(exclusive = false)
        Parts parts;
    }

    /** The parts, for connectors that hold them separately. */
    static final class Parts {
        @Option(names = "--vihf", required = true, paramLabel = "FILE",
                description = "Le jeton VIHF (Assertion ou en-tête wsse:Security ; pour un message complet, --message).")
        Path vihf;

        @Option(names = "--submission", paramLabel = "FILE",
                description = "Les métadonnées XDS (SubmitObjectsRequest ou ProvideAndRegisterDocumentSetRequest).")
        Path submission;

        @Option(names = "--cda", arity = "1..*", paramLabel = "[HREF=]FILE",
                description = "Documents joints : HREF est la référence XOP (cid:...) ou le Content-ID ; par défaut le nom"
                        + " du fichier comme Content-ID. Comparaison exacte, casse comprise (RFC 2392, comme CXF).")
        List<String> cda = new ArrayList<>();
    }

    @Option(names = "--content-type", paramLabel = "CT",
            description = "Content-Type HTTP de la requête (sinon lu dans la capture ou déduit de la première ligne).")
    String contentType;

    @Mixin
    DirectoryOption directory;

    @Mixin
    TrustOptions trust;

    @Mixin
    AtOption at;

    @Mixin
    PolicyOption policy;

    @Mixin
    FormatOption format;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() throws Exception {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr(), invocation());
    }

    /** What picocli parsed, as the fast path {@link CheckArgs} gives it. */
    CheckArgs.Invocation invocation() {
        Checker.Request req = new Checker.Request(tlsCert, input.message, input.parts == null ? null : input.parts.vihf,
                input.parts == null ? null : input.parts.submission, input.parts == null ? List.of() : input.parts.cda,
                contentType, directory.directory, trust.trust, trust.trustTest, trust.crl, at.at, policy.policy);
        return new CheckArgs.Invocation(req, format.json(), lang.locale());
    }

    /**
     * Checks and prints the report.
     *
     * @return the exit code
     * @throws Exception an unusable input (the caller prints its one-line reason, exit 2)
     */
    static int run(PrintWriter out, PrintWriter err, CheckArgs.Invocation inv) throws Exception {
        Checker.Outcome o;
        try {
            o = new Checker(err, inv.locale()).check(inv.request());
        } catch (OutOfMemoryError | StackOverflowError e) {
            // last resort: the reading limits are meant to hold long before; never a stack trace
            err.println("vigie: " + VigieCommand.describe(e, inv.locale()));
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        if (inv.json()) {
            out.print(org.vigie.core.ReportJson.toJson(o.report(), inv.locale()));
        } else {
            new ReportText(ReportText.colourWanted(), inv.locale()).write(out, o.report(), o.context());
        }
        out.flush();
        return o.report().accepted() ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
