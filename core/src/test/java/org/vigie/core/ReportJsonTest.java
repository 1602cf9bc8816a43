package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportJsonTest {

    @Test
    void writesEveryDocumentedFieldInTheDocumentedOrder() {
        Report r = Report.builder()
                .add(Rules.AI_SAME_EJ, "different-other-ej", Location.parse("SubmissionSet/author[1]"), "1750100125",
                        "1750100125", "1750712184", "750100125", "750712184")
                .add(Rules.ID_KEY, Severity.WARNING, "saml-tls", Location.of("VIHF"), "10B0152872", "10B0152872")
                .addOccurrence(new Occurrence(Occurrence.Place.DOCUMENT_ENTRY, "doc1", "N^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125", "1750100125"))
                .evaluatedAt(Instant.parse("2026-11-28T15:00:00Z"))
                .build();
        assertThat(ReportJson.toJson(r)).isEqualTo("""
                {
                  "format": "vigie-report/1",
                  "accepted": false,
                  "evaluatedAt": "2026-11-28T15:00:00Z",
                  "summary": {"errors": 1, "warnings": 1, "infos": 0},
                  "findings": [
                    {"rule": "AI-SAME-EJ", "severity": "ERROR", "message": "authorInstitution 1750100125 hors de l'entité juridique de la structure du VIHF 1750712184 : EJ 750100125 au lieu de l'EJ 750712184 du VIHF", "location": "SubmissionSet/author[1]", "evidence": "1750100125"},
                    {"rule": "ID-KEY", "severity": "WARNING", "message": "clé de contrôle invalide pour l'IdNat_Struct « 10B0152872 » du certificat TLS", "location": "VIHF", "evidence": "10B0152872"}
                  ],
                  "occurrences": [
                    {"place": "DOCUMENT_ENTRY", "document": "doc1", "value": "N^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125", "structureId": "1750100125"}
                  ]
                }
                """);
    }

    @Test
    void anEmptyReportIsAcceptedWithEmptyArraysAndNullInstant() {
        assertThat(ReportJson.toJson(Report.empty())).isEqualTo("""
                {
                  "format": "vigie-report/1",
                  "accepted": true,
                  "evaluatedAt": null,
                  "summary": {"errors": 0, "warnings": 0, "infos": 0},
                  "findings": [],
                  "occurrences": []
                }
                """);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "quote and backslash | a\"b\\c        | '\"a\\\"b\\\\c\"'",
        "accented text kept  | Médecin é     | '\"Médecin é\"'"})
    void escapesWhatJsonRequires(String name, String in, String expected) {
        assertThat(ReportJson.str(in)).isEqualTo(expected);
    }

    @Test
    void escapesControlCharactersLineSeparatorsAndLoneSurrogates() {
        assertThat(ReportJson.str("a\nb\tc\u0001\u2028\ud800")).isEqualTo("\"a\\nb\\tc\\u0001\\u2028\\ud800\"");
        assertThat(ReportJson.str("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
    }
}
