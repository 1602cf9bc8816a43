/**
 * The deployment dashboard of IGC-Santé organisation certificates (DOMAIN §10): which establishments are covered,
 * per establishment (EG), legal entity (EJ), département and région, judged by the certificate doctrine.
 *
 * <p>Entry points: {@link org.vigie.core.deployment.InventoryReader} reads the deployed certificates (folders of
 * PEM/DER files, CSV inventories) into an {@link org.vigie.core.deployment.Inventory};
 * {@link org.vigie.core.deployment.DeploymentAnalyzer} evaluates every EJ of an
 * {@link org.vigie.core.InMemoryStructureDirectory} with {@link org.vigie.core.doctrine.CertificateDoctrine} and
 * returns a {@link org.vigie.core.deployment.Deployment}; {@link org.vigie.core.deployment.Territories} is the
 * département → région table (a data resource, overseas included); {@link org.vigie.core.deployment.InventoryGenerator}
 * writes synthetic inventories for demonstrations and scale runs. JDK only; the exports (XLSX, HTML, JSON) live in
 * the {@code vigie deployment} command.
 */
package org.vigie.core.deployment;
