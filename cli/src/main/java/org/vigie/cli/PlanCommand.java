package org.vigie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.vigie.core.Finding;
import org.vigie.core.Finess;
import org.vigie.core.Severity;
import org.vigie.core.StructureDirectory;
import org.vigie.doctrine.CertificateDoctrine;
import org.vigie.doctrine.CertificatePlan;
import org.vigie.doctrine.DoctrineResult;
import org.vigie.doctrine.DoctrineRule;
import org.vigie.doctrine.Organisation;
import org.vigie.doctrine.OrganisationException;
import org.vigie.doctrine.OrganisationFile;
import org.vigie.doctrine.PlannedCertificate;
import org.vigie.doctrine.Procedure;
import org.vigie.doctrine.Usage;
import org.vigie.core.finess.FinessLoader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie plan}: the IGC-Santé organisation certificates an organisation must hold (certificate doctrine of
 * 2022-05-24), the audit of its existing certificates ({@code DOC-*} findings) and the ordering procedure.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plan des certificats d'organisation IGC-Santé d'une structure ou d'un groupement (doctrine "
                + "du 24/05/2022), audit des certificats existants (règles DOC-*) et procédure de commande.",
            "Le fichier d'organisation est en YAML ou en JSON (voir examples/)."},
        exitCodeListHeading = "Codes de sortie :%n",
        exitCodeList = {"0:aucun constat ERROR", "1:au moins un constat ERROR",
            "2:fichier d'organisation, extrait FINESS ou arguments inutilisables"})
public final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FICHIER-ORGANISATION", description = "Fichier d'organisation (YAML ou JSON).")
    Path file;

    @Option(names = "--directory", paramLabel = "EXTRAIT", arity = "1..*",
            description = "Extraits FINESS (etalab, flux JSON, extrait EJ) : EJ → EG, catégories, statut juridique.")
    List<Path> directoryFiles = new ArrayList<>();

    @Mixin
    AtOption at;

    @Mixin
    FormatOption format;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate date = at.date();
        if (!Files.isRegularFile(file)) {
            throw new UnusableInputException(CliText.msg("err.organisation-file", file));
        }
        StructureDirectory directory = null;
        if (!directoryFiles.isEmpty()) {
            FinessLoader loader = new FinessLoader();
            for (Path f : directoryFiles) {
                if (!Files.isRegularFile(f)) {
                    throw new UnusableInputException(CliText.msg("err.finess-extract", f));
                }
                loader.load(f);
            }
            directory = loader.result().directory();
            if (directory.legalEntityCount() == 0 && directory.establishmentCount() == 0) {
                throw new UnusableInputException(CliText.msg("err.finess-extract-empty",
                        String.join(", ", directoryFiles.stream().map(Path::toString).toList())));
            }
        }
        OrganisationFile read = OrganisationFileParser.read(file, directory, lang.locale());
        if (!read.usable()) {
            return unusable(err, read.problems());
        }
        DoctrineResult result;
        try {
            result = CertificateDoctrine.builder().directory(directory).locale(lang.locale()).build().evaluate(read.organisation().get(), date);
        } catch (OrganisationException e) {
            // the reader checked what the doctrine checks: this is a bug, shown as a problem of the file all the same
            return unusable(err, List.of(new OrganisationFile.Problem(e.location(), 0, e.detail())));
        }
        if (format.json()) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(result, lang.locale())));
        } else {
            text(out, result, lang.locale());
        }
        out.flush();
        return result.audit().accepted() ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    private int unusable(PrintWriter err, List<OrganisationFile.Problem> problems) {
        for (OrganisationFile.Problem p : problems) {
            err.println("vigie: " + p.format(file.toString()));
        }
        err.flush();
        return ExitCodes.UNUSABLE;
    }

    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static String status(PlannedCertificate p) {
        return status(p, java.util.Locale.FRENCH);
    }

    static String status(PlannedCertificate p, java.util.Locale locale) {
        if (p.action() == PlannedCertificate.Action.KEEP_UNTIL_RENEWAL) {
            return p.keptUntil().map(d -> CliText.get(locale, "plan.keep-until", FR.format(d)))
                    .orElse(CliText.get(locale, "plan.keep"));
        }
        return CliText.get(locale, p.held() ? "plan.held" : "plan.to-order");
    }

    static void text(PrintWriter out, DoctrineResult r, java.util.Locale locale) {
        CertificatePlan plan = r.plan();
        out.println(CliText.get(locale, "plan.title", plan.organisation(), FR.format(plan.date())));
        if (plan.certificates().isEmpty()) {
            out.println("  " + CliText.get(locale, "plan.none"));
        }
        int i = 1;
        for (PlannedCertificate p : plan.certificates()) {
            out.println();
            out.println(CliText.get(locale, "plan.certificate", i++, status(p, locale)));
            out.println("  " + CliText.get(locale, "plan.holder", p.holderKind().label() + " " + p.holder().value(),
                    p.memberName()));
            if (!p.covers().isEmpty()) {
                out.println("  " + CliText.get(locale, "plan.covers",
                        String.join(", ", p.covers().stream().map(Finess::value).toList())));
            }
            if (!p.solutions().isEmpty()) {
                out.println("  " + CliText.get(locale, "plan.solutions", String.join(", ", p.solutions())));
            }
            out.println("  " + CliText.get(locale, "plan.usages",
                    String.join(", ", p.usages().stream().sorted().map(u -> u.label(locale)).toList())));
            p.requiredCn().ifPresent(cn -> out.println("  " + CliText.get(locale, "plan.cn", cn)));
            out.println("  " + CliText.get(locale, "plan.rules",
                    String.join(", ", p.rules().stream().map(DoctrineRule::code).toList())));
            for (DoctrineRule rule : p.rules()) {
                out.println("  " + CliText.get(locale, "plan.why", rule.text(locale)));
            }
            for (String n : p.notes()) {
                out.println("  " + CliText.get(locale, "plan.note", n));
            }
        }
        if (!plan.notes().isEmpty()) {
            out.println();
            for (String n : plan.notes()) {
                out.println(CliText.get(locale, "plan.plan-note", n));
            }
        }
        out.println();
        List<Finding> findings = r.audit().findings();
        out.println(CliText.get(locale, "plan.audit", findings.isEmpty() ? CliText.get(locale, "plan.no-finding")
                : CliText.get(locale, "plan.findings", findings.size())));
        for (Finding f : findings) {
            out.println("  " + f.severity() + " " + f.ruleId() + " @" + f.location() + " : " + f.message(locale)
                    + (f.evidence().isEmpty() ? "" : " [" + f.evidence() + "]"));
        }
        out.println();
        Procedure proc = r.procedure();
        out.println(CliText.get(locale, "plan.procedure"));
        for (String pre : proc.prerequisites()) {
            out.println("  " + CliText.get(locale, "plan.prerequisite", pre));
        }
        for (Procedure.Step s : proc.steps()) {
            out.println("  " + CliText.get(locale, "plan.step", s.number(), s.title(), s.addressee()));
            for (String a : s.actions()) {
                out.println("    " + (a.startsWith("  ") ? a.strip() : "• " + a));
            }
        }
        out.println();
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        out.println(CliText.get(locale, "plan.result", CliText.get(locale, errors == 0 ? "plan.compliant" : "plan.not-compliant"),
                errors, warnings, plan.toOrder().size()));
    }

    static Map<String, Object> json(DoctrineResult r, java.util.Locale locale) {
        Map<String, Object> root = new LinkedHashMap<>();
        CertificatePlan plan = r.plan();
        root.put("organisation", plan.organisation());
        root.put("date", plan.date().toString());
        root.put("accepted", r.audit().accepted());
        List<Object> certs = new ArrayList<>();
        for (PlannedCertificate p : plan.certificates()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("action", p.action().name());
            c.put("held", p.held());
            c.put("holder", p.holder().value());
            c.put("holderKind", p.holderKind().name());
            c.put("member", p.member().value());
            c.put("memberName", p.memberName());
            c.put("covers", p.covers().stream().map(Finess::value).toList());
            c.put("solutions", p.solutions());
            c.put("usages", p.usages().stream().sorted().map(Enum::name).toList());
            p.requiredCn().ifPresent(cn -> c.put("requiredCn", cn));
            p.keptUntil().ifPresent(d -> c.put("keptUntil", d.toString()));
            List<Object> rules = new ArrayList<>();
            for (DoctrineRule rule : p.rules()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", rule.code());
                m.put("text", rule.text(locale));
                rules.add(m);
            }
            c.put("rules", rules);
            c.put("notes", p.notes());
            certs.add(c);
        }
        root.put("certificates", certs);
        root.put("notes", plan.notes());
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.audit().findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("severity", f.severity().name());
            m.put("message", f.message(locale));
            m.put("location", f.location().toString());
            m.put("evidence", f.evidence());
            findings.add(m);
        }
        root.put("findings", findings);
        Map<String, Object> proc = new LinkedHashMap<>();
        proc.put("prerequisites", r.procedure().prerequisites());
        List<Object> steps = new ArrayList<>();
        for (Procedure.Step s : r.procedure().steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", s.number());
            m.put("title", s.title());
            m.put("addressee", s.addressee());
            m.put("actions", s.actions());
            steps.add(m);
        }
        proc.put("steps", steps);
        root.put("procedure", proc);
        return root;
    }
}
