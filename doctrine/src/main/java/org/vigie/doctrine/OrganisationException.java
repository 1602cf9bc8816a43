package org.vigie.doctrine;

/**
 * An organisation description that cannot be used (duplicate ids, references to unknown sites or solutions).
 * Carries the path of the offending element in the description (e.g. {@code solutions[1].sites[0]}).
 */
public class OrganisationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path    where in the description, e.g. {@code members[0].sites[2]}
     * @param message what was found and what was expected (French)
     */
    public OrganisationException(String path, String message) {
        super(path + " : " + message);
        this.path = path;
    }

    /** Where in the description the problem lies. */
    public String path() {
        return path;
    }
}
