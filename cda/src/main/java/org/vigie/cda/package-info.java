/**
 * Control 2: the {@code authorInstitution} of a DMP submission — XDS submission set, each document entry, each
 * CDA header — must be present, single-valued, well-formed, identical, geographic and in the legal entity of the
 * VIHF's structure. {@link org.vigie.cda.AuthorInstitutionValidator} is the entry point (one call with
 * {@code validate}, or a streaming {@link org.vigie.cda.AuthorInstitutionValidator.Session}), answering an
 * {@link org.vigie.cda.AuthorInstitutionValidation}; {@link org.vigie.cda.Xon},
 * {@link org.vigie.cda.XdsMetadataReader} and {@link org.vigie.cda.CdaHeaderReader} are the building blocks. Everything
 * is read with StAX as a stream; a CDA is read to the end of its header only.
 */
package org.vigie.cda;
