/**
 * The ANS doctrine on the IGC-Santé organisation certificates each kind of structure must order (webinar of
 * 2022-05-24): describe an {@link org.vigie.doctrine.Organisation}, then
 * {@link org.vigie.doctrine.CertificateDoctrine#evaluate} gives the plan of certificates for a date, the audit
 * of the certificates already held ({@code DOC-*} findings) and the ordering procedure.
 */
package org.vigie.doctrine;
