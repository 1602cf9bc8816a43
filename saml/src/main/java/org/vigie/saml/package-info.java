/**
 * Control 1 of the DMP indirect authentication: the VIHF token (a signed SAML 2.0 Assertion) and the organisation
 * certificates, checked together. Entry point: {@link org.vigie.saml.VihfValidator}; input:
 * {@link org.vigie.saml.VihfInput}; answer: {@link org.vigie.saml.VihfValidation} (a core {@code Report} with every
 * {@code CERT-*} and {@code VIHF-*} finding, the typed {@link org.vigie.saml.VihfToken}); settings:
 * {@link org.vigie.saml.VihfPolicy}, {@link org.vigie.saml.SectorValueSet}.
 */
package org.vigie.saml;
