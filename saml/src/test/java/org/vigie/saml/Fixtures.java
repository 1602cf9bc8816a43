package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.StructureDirectory;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.VihfDefect;

/** Shared test material: the test-kit PKI, a structure with its two certificates, a tiny directory. */
final class Fixtures {

    static final TestPki PKI = TestPki.shared();
    /** Evaluation instant: well inside the validity of the test-kit end-entity certificates. */
    static final Instant AT = PKI.anchor().plus(Duration.ofHours(10));
    /** A FINESS EJ with a valid key (not the test kit's EVIL_STRUCTURE nor UNKNOWN_STRUCTURE). */
    static final String EJ = "1130000011";
    /** An EG of {@link #EJ} in the fake directory. */
    static final String EG = "1750100125";
    /** A closed EG of {@link #EJ}. */
    static final String CLOSED_EG = "1690000021";
    /** The structure of the default credentials: the EJ. */
    static final String STRUCT = EJ;

    static final OrgCredential AUTH = PKI.authentication(STRUCT);
    static final OrgCredential SIGN = PKI.signature(STRUCT);

    private Fixtures() {
    }

    static TrustAnchors anchors() {
        return TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa()));
    }

    static VihfValidator.Builder validatorBuilder() {
        return VihfValidator.builder().trust(anchors()).crls(PKI.crls());
    }

    static VihfValidator validator() {
        return validatorBuilder().build();
    }

    static VihfBuilder token() {
        return VihfBuilder.indirect(SIGN).at(AT.minusSeconds(30));
    }

    static VihfBuilder token(OrgCredential sign) {
        return VihfBuilder.indirect(sign).at(AT.minusSeconds(30));
    }

    /** The right serialisation of a defect: inside wsse:Security when it needs a container. */
    static byte[] bytes(VihfBuilder b, VihfDefect d) {
        return d.needsContainer() ? b.toSecurityHeaderXml().getBytes(StandardCharsets.UTF_8) : b.toBytes();
    }

    static VihfValidation check(VihfBuilder b) {
        return validator().validate(new TlsPeer(AUTH.certificate(), AUTH.chain()), VihfInput.of(b.toBytes()), AT);
    }

    /** A directory knowing {@link #EJ} with its open EG {@link #EG} and its closed EG {@link #CLOSED_EG}. */
    static StructureDirectory directory() {
        Finess ej = Finess.parse(EJ.substring(1));
        LegalEntity le = new LegalEntity(ej, "CENTRE HOSPITALIER DE TEST", Optional.empty(), "13", LegalStatus.ofCode("13"));
        Establishment eg = new Establishment(Finess.parse(EG.substring(1)), ej, "GROUPE HOSPITALIER", "355", "", "",
                Optional.empty(), "75", Optional.of(LocalDate.of(2000, 1, 1)), true);
        Establishment closed = new Establishment(Finess.parse(CLOSED_EG.substring(1)), ej, "SITE FERME", "355", "", "",
                Optional.empty(), "69", Optional.empty(), false);
        return new MapDirectory(List.of(le), List.of(eg, closed));
    }

    /** Minimal in-memory directory for tests. */
    static final class MapDirectory implements StructureDirectory {
        private final Map<String, LegalEntity> ejs = new HashMap<>();
        private final Map<String, Establishment> egs = new HashMap<>();

        MapDirectory(List<LegalEntity> legalEntities, List<Establishment> establishments) {
            legalEntities.forEach(l -> ejs.put(l.finess().value(), l));
            establishments.forEach(e -> egs.put(e.finess().value(), e));
        }

        @Override
        public Optional<Establishment> establishment(Finess finess) {
            return Optional.ofNullable(egs.get(finess.value()));
        }

        @Override
        public Optional<LegalEntity> legalEntity(Finess finess) {
            return Optional.ofNullable(ejs.get(finess.value()));
        }

        @Override
        public Optional<Finess> legalEntityOf(Finess establishment) {
            return establishment(establishment).map(Establishment::legalEntity);
        }

        @Override
        public List<Establishment> establishmentsOf(Finess legalEntity) {
            List<Establishment> out = new ArrayList<>();
            egs.values().forEach(e -> {
                if (e.legalEntity().equals(legalEntity)) {
                    out.add(e);
                }
            });
            return out;
        }

        // resolve(StructureId): the interface's default, the directory's one resolution

        @Override
        public int legalEntityCount() {
            return ejs.size();
        }

        @Override
        public int establishmentCount() {
            return egs.size();
        }
    }
}
