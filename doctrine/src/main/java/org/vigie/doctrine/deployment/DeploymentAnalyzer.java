package org.vigie.doctrine.deployment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.doctrine.CertificateDoctrine;

/**
 * Computes the deployment dashboard of organisation certificates (DOMAIN §10) from the FINESS directory and the
 * inventory of deployed certificates, with the certificate doctrine ({@link CertificateDoctrine}) as the judge.
 *
 * <p>Each legal entity (EJ) with active establishments is evaluated on its own by the doctrine: its EGs (categories
 * from the directory), its statut juridique (from the EJ record, unknown when the directory has none), and the
 * inventory certificates attached to it: held under its FINESS EJ, the FINESS of one of its EGs, the SIRET of one of
 * its EGs or its SIREN. An EG is covered when the doctrine's plan for the date has a certificate covering it that a
 * valid certificate of the inventory fulfils (or a legacy EG certificate kept until renewal). The corridor of an EJ
 * comes from the categories of its EGs (hospital before médico-social before laboratory, pharmacy and town
 * medicine); an EJ without corridor (e.g. a CPTS) is "hors doctrine" and left out of coverage rates. The
 * inventory does not tell which EGs are financed per EG, which software a certificate is installed in, nor a
 * laboratory's main site: no EG is taken as financed per EG, every EJ's information system as unified, and the
 * main site of a multi-site laboratory is its first EG holding a valid certificate (else its first EG).
 *
 * <p>The work is split along its ideas, in package-private classes: {@code CertificateAttachment} ties each
 * certificate to its EJ (or lists it as unmatched), {@code LegalEntityEvaluator} judges one EJ with the doctrine and
 * gives each EG its coverage, {@code IndicatorAggregator} adds the EJs to the rows and to the indicators per
 * département, région and in total ({@code Tally}); this class only runs them.
 *
 * <p>Immutable and thread-safe; {@link #analyze} streams over the directory once. Build with {@link #builder()}.
 */
public final class DeploymentAnalyzer {

    /** Default expiry window, in days. */
    public static final int DEFAULT_EXPIRY_WINDOW_DAYS = 90;

    /** Progress of an analysis. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  legal entities evaluated so far
         * @param total legal entities to evaluate
         */
        void update(int done, int total);
    }

    private final InMemoryStructureDirectory directory;
    private final Territories territories;
    private final int expiryWindowDays;
    private final CertificateDoctrine doctrine = CertificateDoctrine.builder().build();

    private DeploymentAnalyzer(Builder b) {
        this.directory = Objects.requireNonNull(b.directory, "directory");
        this.territories = b.territories;
        this.expiryWindowDays = b.expiryWindowDays;
    }

    /** @return a builder (the directory is required) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The dashboard of the whole directory.
     *
     * @param inventory the deployed certificates
     * @param at        the evaluation date
     * @return the dashboard
     */
    public Deployment analyze(Inventory inventory, LocalDate at) {
        return analyze(inventory, at, Scope.all(), (d, t) -> { });
    }

    /**
     * The dashboard of a scope.
     *
     * @param inventory the deployed certificates
     * @param at        the evaluation date
     * @param scope     everything, a region or a département
     * @param progress  called every thousand legal entities
     * @return the dashboard
     */
    public Deployment analyze(Inventory inventory, LocalDate at, Scope scope, Progress progress) {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(progress, "progress");
        return run(inventory, at, scope, progress);
    }

    /** One analysis: attach the certificates, evaluate every EJ in parallel chunks, aggregate in directory order. */
    private Deployment run(Inventory inventory, LocalDate at, Scope scope, Progress progress) {
        List<DeployedCertificate> certs = inventory.certificates();
        LocalDate expiryLimit = at.plusDays(expiryWindowDays);
        Map<Finess, List<Establishment>> egsOfEj = new LinkedHashMap<>();
        directory.establishments().forEach(e -> {
            if (e.active()) {
                egsOfEj.computeIfAbsent(e.legalEntity(), k -> new ArrayList<>(2)).add(e);
            }
        });
        CertificateAttachment attachment = new CertificateAttachment(directory, certs, egsOfEj);
        LegalEntityEvaluator evaluator = new LegalEntityEvaluator(directory, territories, doctrine, certs,
                attachment.certsOfEj, at, scope);
        IndicatorAggregator aggregator = new IndicatorAggregator(territories, scope, certs, expiryLimit);
        // legal entities are evaluated in parallel by chunks, then accumulated in directory order
        List<Map.Entry<Finess, List<Establishment>>> entries = new ArrayList<>(egsOfEj.entrySet());
        int n = entries.size();
        for (int from = 0; from < n; from += CHUNK) {
            List<LegalEntityEvaluator.Eval> evals = entries.subList(from, Math.min(n, from + CHUNK)).parallelStream()
                    .map(e -> evaluator.evaluate(e.getKey(), e.getValue())).toList();
            for (LegalEntityEvaluator.Eval v : evals) {
                if (v != null) {
                    aggregator.accumulate(v);
                }
            }
            progress.update(Math.min(n, from + CHUNK), n);
        }
        if (n == 0) {
            progress.update(0, 0);
        }
        return new Deployment(at, scope, expiryWindowDays, aggregator.total.build(certs, expiryLimit),
                aggregator.regions(), aggregator.departements(), aggregator.legalEntities, aggregator.establishments,
                aggregator.findings, attachment.unmatched, certs.size(), inventory.problems(),
                inventory.problemCount());
    }

    /** Legal entities evaluated per parallel chunk. */
    private static final int CHUNK = 4096;

    /** Builds a {@link DeploymentAnalyzer}. */
    public static final class Builder {
        private InMemoryStructureDirectory directory;
        private Territories territories = Territories.standard();
        private int expiryWindowDays = DEFAULT_EXPIRY_WINDOW_DAYS;

        private Builder() {
        }

        /**
         * @param directory the FINESS directory (required)
         * @return this builder
         */
        public Builder directory(InMemoryStructureDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param territories the département → région table (default {@link Territories#standard()})
         * @return this builder
         */
        public Builder territories(Territories territories) {
            this.territories = Objects.requireNonNull(territories, "territories");
            return this;
        }

        /**
         * @param days certificates ending within this many days of the date are "expiring soon" (default
         *             {@value DeploymentAnalyzer#DEFAULT_EXPIRY_WINDOW_DAYS})
         * @return this builder
         */
        public Builder expiryWindowDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("expiry window must be >= 0 days");
            }
            this.expiryWindowDays = days;
            return this;
        }

        /**
         * @return the analyzer
         * @throws NullPointerException when no directory was given
         */
        public DeploymentAnalyzer build() {
            return new DeploymentAnalyzer(this);
        }
    }
}
