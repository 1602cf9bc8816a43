package org.vigie.core.finess;

/**
 * What one file brought to the directory.
 *
 * @param source name of the file or stream
 * @param format its format
 * @param encoding encoding detected ({@code ASCII}, {@code UTF-8}, {@code ISO-8859-1}, {@code Windows-1252} when a
 *                 byte in 0x80–0x9F was read, {@code mixte …}) or declared
 * @param lines lines read (for JSON: lines of the document)
 * @param legalEntities EJ records read (new or merged into an earlier one)
 * @param establishments EG records added
 * @param geolocations {@code geolocalisation} lines read (etalab; counted, not kept)
 * @param rejected lines or records rejected
 * @param metadata the etalab metadata line ({@code finess;etalab;98;2026-05-12}), empty when absent
 */
public record SourceSummary(String source, FinessFormat format, String encoding, long lines, long legalEntities,
                            long establishments, long geolocations, long rejected, String metadata) {
}
