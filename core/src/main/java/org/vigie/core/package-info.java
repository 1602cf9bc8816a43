/**
 * The vocabulary every Vigie module shares. The core keeps the identifiers, the FINESS directory, the organisation
 * certificates and their trust ({@code org.vigie.core.cert}) and the report model; the certificate doctrine and the
 * deployment indicators that use them are the {@code vigie-doctrine} module ({@code org.vigie.doctrine}).
 * <ul>
 *   <li>Identifiers: {@link org.vigie.core.StructureId} (IdNat_Struct), {@link org.vigie.core.PersonId} (IdNat_PS),
 *       {@link org.vigie.core.Finess}, {@link org.vigie.core.Siren}, {@link org.vigie.core.Siret},
 *       {@link org.vigie.core.Rpps}, {@link org.vigie.core.Adeli}: {@code parse} factories with clear messages; a
 *       failed check key is a property ({@code keyValid()}), reported as {@code ID-KEY}, never a rejection.</li>
 *   <li>The FINESS directory: {@link org.vigie.core.StructureDirectory} (EJ and EG lookups, and the one
 *       resolution of an IdNat_Struct every rule uses: an EJ named only by its EGs is a legal entity without record,
 *       an EJ whose EGs are all closed is closed) and its immutable, thread-safe
 *       {@link org.vigie.core.InMemoryStructureDirectory}; readers in {@code org.vigie.core.finess}.</li>
 *   <li>The report model: {@link org.vigie.core.Report} of {@link org.vigie.core.Finding}s (and control 2's
 *       {@link org.vigie.core.Occurrence}s), each carrying a rule id of the public catalogue
 *       {@link org.vigie.core.Rules} (also {@code docs/rules.md}), at a typed {@link org.vigie.core.Location}, with its
 *       message from the French and English catalogue {@link org.vigie.core.Messages}.</li>
 * </ul>
 */
package org.vigie.core;
