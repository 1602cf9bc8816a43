package org.vigie.doctrine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.testkit.data.FinessExtractGenerator;
import org.vigie.doctrine.deployment.Deployment;
import org.vigie.doctrine.deployment.DeploymentAnalyzer;
import org.vigie.doctrine.deployment.Indicators;
import org.vigie.doctrine.deployment.Inventory;
import org.vigie.doctrine.deployment.InventoryReader;
import org.vigie.doctrine.deployment.Territories;
import org.vigie.core.finess.FinessFormat;
import org.vigie.core.finess.FinessLoader;

/**
 * The foundation's extract generator plus a CSV inventory written by a simple rule: every other EJ of each kind is
 * certified the way the doctrine asks (EJ certificate for hospitals and médico-social, EG certificate for
 * pharmacies and maisons/centres de santé, main-site certificate for laboratories); every third pharmacy left
 * without is certified under its EJ instead (wrong holder); one certificate in five ends within 30 days. The
 * expected numbers are counted here from the categories, independently of the analyzer.
 */
class GeneratedDeploymentTest {

    static final LocalDate AT = LocalDate.of(2026, 11, 28);
    static final Set<String> HOSPITAL_OR_MS = Set.of("101", "106", "355", "292", "365", "141", "146", "500");

    record Expected(int establishments, int concerned, int covered, int byEj, int byEg, int soon,
                    Map<String, Integer> coveredByRegion, Map<String, Integer> egByRegion, int wrongHolder) {
    }

    @Test
    void givesExactlyTheNumbersTheRuleImplies() throws IOException {
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(42).establishments(3000).build();
        ByteArrayOutputStream eg = new ByteArrayOutputStream();
        ByteArrayOutputStream ej = new ByteArrayOutputStream();
        g.writeEtalab(eg);
        g.writeLegalEntities(ej);
        FinessLoader loader = new FinessLoader();
        loader.load("eg", new ByteArrayInputStream(eg.toByteArray()), FinessFormat.ETALAB);
        loader.load("ej", new ByteArrayInputStream(ej.toByteArray()), FinessFormat.EJ_EXTRACT);
        InMemoryStructureDirectory dir = loader.result().directory();

        Map<Finess, List<Establishment>> byEj = new LinkedHashMap<>();
        dir.establishments().forEach(e -> byEj.computeIfAbsent(e.legalEntity(), k -> new ArrayList<>()).add(e));
        StringBuilder csv = new StringBuilder("holder;cn;serial;not_after;usages\n");
        int[] serial = {0};
        int establishments = 0;
        int concerned = 0;
        int covered = 0;
        int coveredByEj = 0;
        int coveredByEg = 0;
        int soon = 0;
        int wrongHolder = 0;
        Map<String, Integer> coveredByRegion = new TreeMap<>();
        Map<String, Integer> egByRegion = new TreeMap<>();
        Territories t = Territories.standard();
        Map<String, Integer> kindIndex = new HashMap<>();
        for (Map.Entry<Finess, List<Establishment>> e : byEj.entrySet()) {
            List<Establishment> egs = e.getValue();
            String kind = kind(egs);
            int k = kindIndex.merge(kind, 1, Integer::sum);
            establishments += egs.size();
            egs.forEach(x -> egByRegion.merge(t.locate(x.departement(), x.finess()).region().code(), 1,
                    Integer::sum));
            if (kind.equals("cpts")) {
                continue;
            }
            concerned += egs.size();
            boolean certify = k % 2 == 0;
            if (!certify) {
                if (kind.equals("pharmacy") && k % 3 == 0) {
                    soon += line(csv, "1" + e.getKey().value(), serial);
                    wrongHolder++;
                }
                continue;
            }
            switch (kind) {
                case "hospital" -> soon += line(csv, "1" + e.getKey().value(), serial);
                case "lab" -> soon += line(csv, "1" + egs.get(0).finess().value(), serial);
                default -> {
                    for (Establishment x : egs) {
                        soon += line(csv, "1" + x.finess().value(), serial);
                    }
                }
            }
            covered += egs.size();
            if (kind.equals("hospital")) {
                coveredByEj += egs.size();
            } else {
                coveredByEg += egs.size();
            }
            egs.forEach(x -> coveredByRegion.merge(t.locate(x.departement(), x.finess()).region().code(), 1,
                    Integer::sum));
        }
        Inventory inv = new InventoryReader().loadCsv("inventaire.csv", new StringReader(csv.toString())).result();
        assertThat(inv.problems()).isEmpty();

        Deployment d = DeploymentAnalyzer.builder().directory(dir).build().analyze(inv, AT);

        Indicators total = d.total();
        assertThat(total.establishments()).isEqualTo(establishments).isEqualTo(3000);
        assertThat(total.concerned()).isEqualTo(concerned);
        assertThat(total.covered()).isEqualTo(covered);
        assertThat(total.coveredByLegalEntity()).isEqualTo(coveredByEj);
        assertThat(total.coveredByEstablishment()).isEqualTo(coveredByEg);
        assertThat(total.certificates()).isEqualTo(serial[0]);
        assertThat(total.expiringSoon()).isEqualTo(soon);
        assertThat(total.findingsByRule().get("DOC-HOLDER")).isEqualTo(wrongHolder);
        assertThat(d.unmatched()).isEmpty();
        Map<String, Integer> regionCovered = new TreeMap<>();
        Map<String, Integer> regionEg = new TreeMap<>();
        for (Indicators r : d.regions()) {
            regionEg.put(r.code(), r.establishments());
            if (r.covered() > 0) {
                regionCovered.put(r.code(), r.covered());
            }
        }
        assertThat(regionEg).isEqualTo(egByRegion);
        assertThat(regionCovered).isEqualTo(coveredByRegion);
        assertThat(wrongHolder).isPositive();
        assertThat(coveredByEj).isPositive();
        assertThat(concerned).isLessThan(establishments);
    }

    /** Writes one certificate line; returns 1 when it ends within 30 days. */
    private static int line(StringBuilder csv, String holder, int[] serial) {
        int s = ++serial[0];
        boolean soon = s % 5 == 0;
        csv.append(holder).append(";LPS ").append(s).append(';').append(Integer.toHexString(s)).append(';')
                .append(soon ? AT.plusDays(30) : AT.plusYears(2)).append(";DMP\n");
        return soon ? 1 : 0;
    }

    private static String kind(List<Establishment> egs) {
        boolean hospital = false;
        boolean lab = false;
        boolean pharmacy = false;
        boolean town = false;
        for (Establishment e : egs) {
            String c = e.categoryCode();
            hospital |= HOSPITAL_OR_MS.contains(c);
            lab |= c.equals("611");
            pharmacy |= c.equals("620");
            town |= c.equals("603") || c.equals("124");
        }
        if (hospital) {
            return "hospital";
        }
        if (lab) {
            return "lab";
        }
        if (pharmacy) {
            return "pharmacy";
        }
        return town ? "town" : "cpts";
    }
}
