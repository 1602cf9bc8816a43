package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header reader on the CI-SIS CDA R2 examples (ansforge/TestContenuCDA-3-0). */
class CdaHeaderReaderTest {

    private final CdaHeaderReader reader = CdaHeaderReader.withDefaults();

    private CdaHeader read(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return reader.read(in, f.getFileName().toString());
        }
    }

    /** Expected: file | author count | representedOrganization ids of the authors ("-" = none) | first org name. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "AVC-SUNV_2022.01.xml | 1 | 1.2.250.1.71.4.2.2/1750803447 | Clinique du Belvédère",
        "BIO-CR-BIO_2021.01_Microbiologie_V1.xml | 1 | 1.2.250.1.71.4.2.2/1120459876 | Laboratoire des charmes",
        "BIO-TROD_2024.01_COVID-19.xml | 1 | 1.2.250.1.71.4.2.2/2801234567 | Pharmacie des 4 cantons",
        "CARD-F-PRC-PPV_2022.01.xml | 1 | 1.2.250.1.71.4.2.2/1750803447 | ",
        "CNAM-HR_2021.01_sans-info.xml | 1 | 1.2.250.1.71.4.2.2/318003502400041 | Assurance Maladie",
        "CSE-MDE_2023.01.xml | 1 | 1.2.250.1.71.4.2.2/2801234567 | Centre de santé du Belvédère",
        "DLU-EHPAD-FLUDT_2022.01.xml | 1 | 1.2.250.1.71.4.2.2/1750803447 | EHPAD DE BOULOGNE-BILLANCOURT",
        "DOC_NON_STRUCTURE_CDA-R2-N1.xml | 1 | 1.2.250.1.71.4.2.2/1120459876 | Laboratoire des charmes",
        "IMG_CR_IMG_2024.01_CDA-R2-Niveau-1.xml | 1 | 1.2.250.1.71.4.2.2/1750803447 | Centre de radiologie Ambroise",
        "LDL-EES_2022.01.xml | 1 | 1.2.250.1.71.4.2.2/1120456789 | Centre de soins du Belvédère",
        "LDL-SES_2022.01.xml | 1 | 1.2.250.1.71.4.2.2/1750803447 | Hôpital Européen Georges Pompidou",
        "OBP-SCM_2024.01.xml | 1 | 1.2.250.1.71.4.2.2/1750803447 | Clinique du Belvédère",
        "SDM-MR_2024.01_nouveau-ne.xml | 1 | - | ",
        "TLM-CR_2022.01.xml | 1 | 1.2.250.1.71.4.2.2/1750803447 | GRP HOSP UNIVERSITAIRE PARIS OUEST SITE G POMPIDOU APHP",
        "VAC-NOTE_2023.01.xml | 1 | 1.2.250.1.71.4.2.2/1750803447 | Cabinet Médical du Dr MULLER",
        "eDISP-MED_2024.01.xml | 2 | 1.2.250.1.71.4.2.2/378435954900010 1.2.250.1.71.4.2.2/1750512345 | CONSEIL NATIONAL ORDRE DES PHARMACIENS",
    })
    void readsEveryAuthorOrganisationOfTheCiSisExamples(String file, int authors, String ids, String name) throws IOException {
        CdaHeader h = read(TestData.file("cda/" + file));
        assertThat(h.problems()).isEmpty();
        assertThat(h.clinicalDocument()).isTrue();
        assertThat(h.headerComplete()).isTrue();
        assertThat(h.authors()).hasSize(authors);
        List<String> got = h.authors().stream().flatMap(a -> a.organizationIds().stream())
                .map(CdaHeader.OrganizationId::display).toList();
        if ("-".equals(ids)) {
            assertThat(got).isEmpty();
            assertThat(h.authors().get(0).hasRepresentedOrganization()).isFalse();
        } else {
            assertThat(got).containsExactly(ids.split(" "));
        }
        assertThat(h.authors().get(0).organizationName()).isEqualTo(name == null ? "" : name);
    }

    @Test
    void everyCiSisExampleHeaderIsReadWithoutProblem() throws IOException {
        try (var files = Files.list(TestData.dir().resolve("cda"))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(19);
            for (Path f : all) {
                CdaHeader h = read(f);
                assertThat(h.problems()).as(f.toString()).isEmpty();
                assertThat(h.headerComplete()).as(f.toString()).isTrue();
                assertThat(h.authors()).as(f.toString()).isNotEmpty();
            }
        }
    }

    /** The three examples whose body is a base64 PDF: the reader stops at the header, far before the end. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"DOC_NON_STRUCTURE_CDA-R2-N1.xml", "IMG_CR_IMG_2024.01_CDA-R2-Niveau-1.xml", "TLM-CR_2022.01.xml"})
    void stopsAtTheEndOfTheHeaderWithoutReadingTheBase64PdfBody(String file) throws IOException {
        Path f = TestData.file("cda/" + file);
        long size = Files.size(f);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        long bodyAt = text.substring(0, text.indexOf("<component>")).getBytes(StandardCharsets.UTF_8).length;
        assertThat(text).contains("representation=\"B64\"");
        CdaHeader h = read(f);
        assertThat(h.headerComplete()).isTrue();
        // read-ahead of the parser is a few KiB at most; the body (the PDF) is never pulled
        assertThat(h.bytesConsumed()).isGreaterThanOrEqualTo(bodyAt).isLessThan(bodyAt + 16 * 1024);
        assertThat(h.bytesConsumed()).isLessThan(size / 3);
    }

    @Test
    void readsTheSameHeaderFromBase64Text() throws IOException {
        Path f = TestData.file("cda/TLM-CR_2022.01.xml");
        byte[] b64 = Base64.getMimeEncoder().encode(Files.readAllBytes(f));
        CdaHeader h = reader.readBase64(new ByteArrayInputStream(b64), "b64");
        assertThat(h.problems()).isEmpty();
        assertThat(h.authors().get(0).organizationIds().get(0).extension()).isEqualTo("1750803447");
    }

    @Test
    void theAnsExampleCdaWithBomHasNoAuthorOrganisationButACustodian() throws IOException {
        CdaHeader h = read(TestData.file("xds/ANS-DMP-exemple_TD2.1-DocumentME2.xml"));
        assertThat(h.problems()).isEmpty();
        assertThat(h.clinicalDocument()).isTrue();
        assertThat(h.authors()).hasSize(1);
        assertThat(h.authors().get(0).hasRepresentedOrganization()).isFalse();
        assertThat(h.custodianOrganization()).map(CdaHeader.OrganizationId::display)
                .contains("1.2.250.1.71.4.2.2/499900063480001");
    }

    @Test
    void aXadesSignatureIsNotACdaAndIsNotReadFurther() throws IOException {
        CdaHeader h = read(TestData.file("xds/ANS-DMP-exemple_TD2.1-SignatureXades.xml"));
        assertThat(h.problems()).isEmpty();
        assertThat(h.clinicalDocument()).isFalse();
        assertThat(h.rootElement()).isEqualTo("{http://www.w3.org/2000/09/xmldsig#}Signature");
    }

    @Test
    void readsNullFlavorIdAndSeveralIds() {
        String xml = "<ClinicalDocument xmlns='urn:hl7-org:v3'><author><assignedAuthor><representedOrganization>"
                + "<id nullFlavor='UNK'/><id root='1.2.250.1.71.4.2.2' extension='1750100125'/><name>A <!-- c -->B</name>"
                + "</representedOrganization></assignedAuthor></author><component><x/></component></ClinicalDocument>";
        CdaHeader h = reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(h.authors().get(0).organizationIds()).extracting(CdaHeader.OrganizationId::nullFlavor)
                .containsExactly("UNK", "");
        assertThat(h.authors().get(0).organizationName()).isEqualTo("A B");
    }
}
