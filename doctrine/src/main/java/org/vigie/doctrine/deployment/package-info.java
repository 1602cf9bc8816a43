/**
 * The deployment dashboard of IGC-Santé organisation certificates (DOMAIN §10): which establishments are covered,
 * per establishment (EG), legal entity (EJ), département and région, judged by the certificate doctrine.
 *
 * <p>Entry points: {@link org.vigie.doctrine.deployment.InventoryReader} reads the deployed certificates (folders of
 * PEM/DER files, CSV inventories) into an {@link org.vigie.doctrine.deployment.Inventory};
 * {@link org.vigie.doctrine.deployment.DeploymentAnalyzer} evaluates every EJ of an
 * {@link org.vigie.core.InMemoryStructureDirectory} with {@link org.vigie.doctrine.CertificateDoctrine} and
 * returns a {@link org.vigie.doctrine.deployment.Deployment}; {@link org.vigie.doctrine.deployment.Territories} is the
 * département → région table (a data resource, overseas included); the test kit's
 * {@code org.vigie.testkit.data.InventoryGenerator} writes synthetic inventories for demonstrations and scale runs.
 * JDK only; the exports (XLSX, HTML, JSON) live in
 * the {@code vigie deployment} command.
 */
package org.vigie.doctrine.deployment;
