package org.vigie.doctrine.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;

/**
 * Which legal entity each certificate of the inventory belongs to, through the directory's one resolution: held
 * under the FINESS of an EJ or of one of its EGs, the SIRET of one of its open EGs or its SIREN; the others are
 * unmatched, with the reason. Built once per analysis, then read only.
 */
final class CertificateAttachment {

    /** The indices (in the inventory) of the certificates of each EJ. */
    final Map<Finess, List<Integer>> certsOfEj = new HashMap<>();
    /** The certificates attached to no EJ. */
    final List<UnmatchedCertificate> unmatched = new ArrayList<>();

    /**
     * Attaches each certificate of the inventory.
     *
     * @param directory the FINESS directory
     * @param certs     the inventory's certificates
     * @param egsOfEj   the open EGs of each EJ, in directory order
     */
    CertificateAttachment(InMemoryStructureDirectory directory, List<DeployedCertificate> certs,
                          Map<Finess, List<Establishment>> egsOfEj) {
        Map<String, Establishment> bySiret = null;
        Map<String, Finess> bySiren = null;
        for (int i = 0; i < certs.size(); i++) {
            DeployedCertificate c = certs.get(i);
            StructureId h = c.holder();
            Finess ej = null;
            String reason;
            switch (h.kind()) {
                case FINESS -> {
                    Finess f = h.finess().orElseThrow();
                    StructureDirectory.Resolution r = directory.resolve(h);
                    // the directory's one resolution: an EJ with or without its own record (etalab EG
                    // extract alone), an EG, or unknown; a closed EJ (all its EGs closed) has no open EG below
                    if (r instanceof StructureDirectory.Resolution.AsEstablishment eg) {
                        ej = eg.closed() ? null : eg.establishment().legalEntity();
                        reason = "FINESS EG " + f.value() + " fermé dans le répertoire";
                    } else if (r instanceof StructureDirectory.Resolution.AsLegalEntity) {
                        ej = f;
                        reason = "";
                    } else {
                        reason = "FINESS " + f.value() + " inconnu du répertoire (ni EJ ni EG)";
                    }
                }
                case SIRET -> {
                    if (bySiret == null) {
                        bySiret = new HashMap<>();
                        for (List<Establishment> egs : egsOfEj.values()) {
                            for (Establishment e : egs) {
                                Map<String, Establishment> m = bySiret;
                                e.siret().ifPresent(s -> m.putIfAbsent(s.value(), e));
                            }
                        }
                    }
                    Establishment e = bySiret.get(h.number());
                    ej = e == null ? null : e.legalEntity();
                    reason = "SIRET " + h.number() + " d'aucun EG ouvert du répertoire";
                }
                case SIREN -> {
                    if (bySiren == null) {
                        bySiren = new HashMap<>();
                        Map<String, Finess> m = bySiren;
                        directory.legalEntities().forEach(le -> le.siren()
                                .ifPresent(s -> m.putIfAbsent(s.value(), le.finess())));
                    }
                    ej = bySiren.get(h.number());
                    reason = "SIREN " + h.number() + " d'aucune EJ du répertoire";
                }
                default -> reason = "identifiant " + kindLabel(h.kind()) + " hors FINESS : aucun établissement du "
                        + "répertoire à rattacher";
            }
            if (ej != null && !egsOfEj.containsKey(ej)) {
                reason = "EJ " + ej.value() + " sans EG ouvert dans le répertoire";
                ej = null;
            }
            if (ej == null) {
                unmatched.add(new UnmatchedCertificate(c, reason));
            } else {
                certsOfEj.computeIfAbsent(ej, k -> new ArrayList<>(2)).add(i);
            }
        }
    }

    private static String kindLabel(StructureId.Kind k) {
        return switch (k) {
            case ADELI_CABINET -> "de cabinet ADELI";
            case RPPS_RANG -> "RPPS-rang";
            case TECHNICAL -> "technique";
            default -> k.name();
        };
    }
}
