/**
 * The DMP request validator: one call, one report.
 *
 * <p>{@link org.vigie.dmp.DmpRequestValidator} takes the TLS client certificate and the request exactly as the
 * connector sends it (SOAP 1.2 envelope, MTOM {@code multipart/related} body, or either behind a captured HTTP
 * header block) and returns one {@link org.vigie.core.Report} with every {@code CERT-*}, {@code VIHF-*} (control 1)
 * and {@code AI-*} (control 2, ITI-41 feeding only) finding and the authorInstitution occurrence table. The request
 * is read once, as a stream; memory does not grow with document size. {@link org.vigie.dmp.DmpPolicy} gathers the
 * settings of both controls and the reading limits ({@link org.vigie.dmp.RequestLimits});
 * The documented JSON form of a report is written by {@link org.vigie.core.ReportJson} (core).
 */
package org.vigie.dmp;
