package org.vigie.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.vigie.core.Finding;
import org.vigie.core.Finess;
import org.vigie.doctrine.deployment.DeployedCertificate;
import org.vigie.doctrine.deployment.Deployment;
import org.vigie.doctrine.deployment.DeploymentFinding;
import org.vigie.doctrine.deployment.EstablishmentStatus;
import org.vigie.doctrine.deployment.Indicators;
import org.vigie.doctrine.deployment.InventoryProblem;
import org.vigie.doctrine.deployment.UnmatchedCertificate;

/**
 * Writes a {@link Deployment} as JSON ({@code "format": "vigie-deployment/1"}, documented in
 * {@code docs/deployment.md}), streamed: memory does not grow with the number of establishments.
 */
final class DeploymentJson {

    /** The format id written in every document. */
    static final String FORMAT = "vigie-deployment/1";

    private DeploymentJson() {
    }

    static void write(Deployment d, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("at", d.at().toString());
            g.writeObjectFieldStart("scope");
            g.writeStringField("label", d.scope().labelFr());
            g.writeStringField("region", d.scope().region() == null ? null : d.scope().region().code());
            g.writeStringField("departement", d.scope().departement() == null ? null : d.scope().departement().code());
            g.writeEndObject();
            g.writeNumberField("expiryWindowDays", d.expiryWindowDays());
            g.writeFieldName("total");
            indicators(g, d.total());
            groups(g, d);
            g.writeArrayFieldStart("establishments");
            for (EstablishmentStatus s : d.establishments()) {
                establishment(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (DeploymentFinding f : d.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unmatchedCertificates");
            for (UnmatchedCertificate u : d.unmatched()) {
                g.writeStartObject();
                certificateFields(g, u.certificate());
                g.writeStringField("reason", u.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("inventory");
            g.writeNumberField("certificatesRead", d.certificatesRead());
            g.writeNumberField("problemCount", d.inventoryProblemCount());
            g.writeArrayFieldStart("problems");
            for (InventoryProblem p : d.inventoryProblems()) {
                g.writeStartObject();
                g.writeStringField("source", p.source());
                g.writeNumberField("line", p.line());
                g.writeStringField("reason", p.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void groups(JsonGenerator g, Deployment d) throws IOException {
        g.writeArrayFieldStart("regions");
        for (Indicators i : d.regions()) {
            indicators(g, i);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("departements");
        for (Indicators i : d.departements()) {
            indicators(g, i);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("legalEntities");
        for (Indicators i : d.legalEntities()) {
            indicators(g, i);
        }
        g.writeEndArray();
    }

    private static void indicators(JsonGenerator g, Indicators i) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", i.code());
        g.writeStringField("name", i.name());
        if (!i.departement().isEmpty()) {
            g.writeStringField("departement", i.departement());
        }
        if (!i.region().isEmpty()) {
            g.writeStringField("region", i.region());
        }
        g.writeNumberField("establishments", i.establishments());
        g.writeNumberField("concerned", i.concerned());
        g.writeNumberField("covered", i.covered());
        g.writeNumberField("notCovered", i.notCovered());
        g.writeNumberField("coverageRate", Math.round(i.coverageRate() * 10000) / 10000.0);
        g.writeNumberField("coveredByLegalEntity", i.coveredByLegalEntity());
        g.writeNumberField("coveredByEstablishment", i.coveredByEstablishment());
        g.writeNumberField("certificates", i.certificates());
        g.writeNumberField("expiringSoon", i.expiringSoon());
        g.writeNumberField("expired", i.expired());
        g.writeNumberField("legacyToMove", i.legacyToMove());
        g.writeNumberField("findings", i.findings());
        g.writeObjectFieldStart("findingsByRule");
        for (Map.Entry<String, Integer> e : i.findingsByRule().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void establishment(JsonGenerator g, EstablishmentStatus s) throws IOException {
        g.writeStartObject();
        g.writeStringField("finess", s.establishment().finess().value());
        g.writeStringField("name", s.establishment().name());
        g.writeStringField("legalEntity", s.establishment().legalEntity().value());
        g.writeStringField("legalEntityName", s.legalEntityName());
        g.writeStringField("category", s.establishment().categoryCode());
        g.writeStringField("departement", s.departement().code());
        g.writeStringField("region", s.departement().region().code());
        g.writeStringField("corridor", s.corridor().map(Enum::name).orElse(null));
        g.writeStringField("coverage", s.coverage().name());
        g.writeArrayFieldStart("certificates");
        for (DeployedCertificate c : s.certificates()) {
            g.writeStartObject();
            certificateFields(g, c);
            g.writeEndObject();
        }
        g.writeEndArray();
        date(g, "coveredUntil", s.coveredUntil());
        g.writeBooleanField("expiringSoon", s.expiringSoon());
        g.writeBooleanField("legacyToMove", s.legacyToMove());
        g.writeNumberField("insiCertificates", s.insiCertificates().size());
        g.writeBooleanField("insiNamingOk", s.insiNamingOk());
        g.writeArrayFieldStart("findings");
        for (Finding f : s.findings()) {
            g.writeString(f.ruleId());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, DeploymentFinding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.finding().ruleId());
        g.writeStringField("severity", f.finding().severity().name());
        g.writeStringField("message", f.finding().message());
        g.writeStringField("location", f.finding().location().toString());
        g.writeStringField("evidence", f.finding().evidence());
        g.writeStringField("legalEntity", f.legalEntity().value());
        g.writeStringField("legalEntityName", f.legalEntityName());
        g.writeArrayFieldStart("establishments");
        for (Finess e : f.establishments()) {
            g.writeString(e.value());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("departements");
        for (String s : f.departements()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("regions");
        for (String s : f.regions()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void certificateFields(JsonGenerator g, DeployedCertificate c) throws IOException {
        g.writeStringField("holder", c.holder().value());
        g.writeStringField("cn", c.commonName());
        g.writeStringField("serial", c.serial());
        date(g, "notAfter", c.notAfter());
        g.writeArrayFieldStart("usages");
        for (var u : c.usages().stream().sorted().toList()) {
            g.writeString(u.name());
        }
        g.writeEndArray();
        g.writeStringField("software", c.software());
        g.writeStringField("source", c.source());
    }

    private static void date(JsonGenerator g, String name, Optional<LocalDate> d) throws IOException {
        if (d.isPresent()) {
            g.writeStringField(name, d.get().toString());
        } else {
            g.writeNullField(name);
        }
    }
}
