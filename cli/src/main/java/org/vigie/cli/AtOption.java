package org.vigie.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/** The {@code --at} option (evaluation instant or day) of {@code vigie check}, {@code plan} and {@code deployment}. */
final class AtOption {

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Instant ou jour d'évaluation, ISO-8601 (ex. 2026-03-01T10:00:00Z ou 2026-03-01, en UTC) ; "
                    + "défaut : maintenant.")
    String at;

    /** The instant of {@code --at} (a day is its start, UTC), or now. */
    Instant instant() {
        return Checker.instant(at);
    }

    /** The day of {@code --at} (UTC for an instant), or today in UTC. */
    LocalDate date() {
        if (at == null || at.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(at.strip());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Checker.instant(at.strip()).atZone(ZoneOffset.UTC).toLocalDate();
            } catch (UnusableInputException e2) {
                throw new UnusableInputException("--at « " + at + " » : date attendue au format AAAA-MM-JJ (ou instant ISO-8601)", e);
            }
        }
    }
}
