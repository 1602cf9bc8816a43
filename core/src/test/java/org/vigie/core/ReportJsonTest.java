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
                .add(Rules.AI_SAME_EJ, "EG « 1750100125 » hors de l'EJ", "SubmissionSet/author[1]", "1750100125")
                .add(Rules.ID_KEY, Severity.WARNING, "clé FINESS invalide", "VIHF", "10B0152872")
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
                    {"rule": "AI-SAME-EJ", "severity": "ERROR", "message": "EG « 1750100125 » hors de l'EJ", "location": "SubmissionSet/author[1]", "evidence": "1750100125"},
                    {"rule": "ID-KEY", "severity": "WARNING", "message": "clé FINESS invalide", "location": "VIHF", "evidence": "10B0152872"}
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
