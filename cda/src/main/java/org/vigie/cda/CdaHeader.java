package org.vigie.cda;

import java.util.List;
import java.util.Optional;
import org.vigie.core.Finding;

/**
 * The part of a CDA header control 2 needs, read by {@link CdaHeaderReader}: each {@code author}'s
 * {@code assignedAuthor/representedOrganization} ids and name, and the custodian's organisation id (kept only to
 * explain findings: authorInstitution is derived from the authors, never from the custodian). Immutable.
 *
 * @param clinicalDocument true when the root element is {@code ClinicalDocument} in {@code urn:hl7-org:v3}
 * @param rootElement      the root element as {@code {namespace}localName} (empty when unreadable)
 * @param authors          the header's authors, in order
 * @param custodianOrganization the {@code representedCustodianOrganization/id}, when present
 * @param headerComplete   true when the end of the header was reached (first {@code component} or end of document)
 * @param bytesConsumed    bytes pulled from the source when reading stopped (includes the parser's read-ahead)
 * @param problems         {@code AI-XML} findings met while reading
 */
public record CdaHeader(boolean clinicalDocument, String rootElement, List<Author> authors,
                        Optional<OrganizationId> custodianOrganization, boolean headerComplete, long bytesConsumed,
                        List<Finding> problems) {

    public CdaHeader {
        rootElement = rootElement == null ? "" : rootElement;
        authors = List.copyOf(authors);
        custodianOrganization = custodianOrganization == null ? Optional.empty() : custodianOrganization;
        problems = List.copyOf(problems);
    }

    /**
     * An {@code id} element (II data type).
     *
     * @param root       {@code @root}, empty when absent
     * @param extension  {@code @extension}, empty when absent
     * @param nullFlavor {@code @nullFlavor}, empty when absent
     */
    public record OrganizationId(String root, String extension, String nullFlavor) {
        public OrganizationId {
            root = root == null ? "" : root;
            extension = extension == null ? "" : extension;
            nullFlavor = nullFlavor == null ? "" : nullFlavor;
        }

        /** {@code root/extension}, the form used in occurrence tables. */
        public String display() {
            if (!nullFlavor.isEmpty() && root.isEmpty() && extension.isEmpty()) {
                return "nullFlavor=" + nullFlavor;
            }
            return root + "/" + extension;
        }
    }

    /**
     * One {@code author} of the header.
     *
     * @param index                     1-based position among the header's authors
     * @param hasRepresentedOrganization true when {@code assignedAuthor/representedOrganization} is present
     * @param organizationIds           every {@code representedOrganization/id}
     * @param organizationName          the {@code representedOrganization/name} text, empty when absent
     */
    public record Author(int index, boolean hasRepresentedOrganization, List<OrganizationId> organizationIds,
                         String organizationName) {
        public Author {
            organizationIds = List.copyOf(organizationIds);
            organizationName = organizationName == null ? "" : organizationName;
        }
    }
}
