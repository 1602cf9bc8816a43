package org.vigie.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.vigie.doctrine.deployment.DeployedCertificate;
import org.vigie.doctrine.deployment.EstablishmentStatus;
import org.vigie.doctrine.Corridor;

/** Labels shared by the deployment exporters (French). */
final class DeploymentLabels {

    private DeploymentLabels() {
    }

    static String corridor(EstablishmentStatus s) {
        return s.corridor().map(Corridor::labelFr).orElse("hors doctrine");
    }

    static String category(EstablishmentStatus s) {
        String code = s.establishment().categoryCode();
        String label = s.establishment().categoryLabel();
        return label.isEmpty() ? code : code + " " + label;
    }

    static String certificates(List<DeployedCertificate> certs) {
        return certs.stream().map(DeployedCertificate::label).collect(Collectors.joining(" ; "));
    }

    static String rules(EstablishmentStatus s) {
        return s.findings().stream().map(f -> f.ruleId()).distinct().sorted().collect(Collectors.joining(", "));
    }

    static String insi(EstablishmentStatus s) {
        if (s.insiCertificates().isEmpty() && s.insiNamingOk()) {
            return "";
        }
        return s.insiNamingOk() ? "conforme" : "non conforme";
    }

    static String findings(Map<String, Integer> byRule) {
        return byRule.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String yes(boolean b) {
        return b ? "oui" : "non";
    }

    static String percent(double rate) {
        return String.format(Locale.FRANCE, "%.1f %%", rate * 100);
    }
}
