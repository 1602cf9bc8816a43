/**
 * Vigie test kit: realistic DMP artefacts, valid by default and broken on request, built independently of the
 * validators (this module depends on {@code vigie-core}, BouncyCastle and Santuario only).
 *
 * <ul>
 *   <li>{@link org.vigie.testkit.TestPki} — an IGC-Santé-like test PKI issuing organisation certificates
 *       ({@link org.vigie.testkit.CertSpec}, {@link org.vigie.testkit.OrgCredential}) and CRLs;</li>
 *   <li>{@link org.vigie.testkit.VihfBuilder} — signed VIHF tokens, with one
 *       {@link org.vigie.testkit.VihfDefect} per VIHF rule and the classic attacks;</li>
 *   <li>{@link org.vigie.testkit.CdaBuilder} and {@link org.vigie.testkit.XdsSubmissionBuilder} — CI-SIS CDA
 *       documents (streamed PDF bodies) and ITI-41 submissions with every authorInstitution occurrence;</li>
 *   <li>{@link org.vigie.testkit.DmpMessageBuilder} — the complete SOAP 1.2 request, plain or MTOM;</li>
 *   <li>{@link org.vigie.testkit.ReportAssert} — assertions on a {@link org.vigie.core.Report}.</li>
 * </ul>
 */
package org.vigie.testkit;
