/**
 * Organisation certificates and trust, JDK only: {@link org.vigie.core.cert.OrgCertificate} (IdNat_Struct of the
 * subject OU, raison sociale, département, kind, IGC-Santé range, TEST or not),
 * {@link org.vigie.core.cert.DistinguishedNames} (DN comparison by parsed RDNs),
 * {@link org.vigie.core.cert.TrustAnchors} (the shipped IGC-Santé ELEMENTAIRE anchors, production and TEST, or your
 * own) and {@link org.vigie.core.cert.CertificateTrust} (PKIX at an instant with supplied CRLs, bounded cache).
 */
package org.vigie.core.cert;
