package org.vigie.doctrine;

import java.util.Objects;

import org.vigie.core.Location;

/**
 * An organisation description that cannot be used (duplicate ids, references to unknown sites or solutions).
 * Carries the typed location of the offending element in the description (e.g. {@code solutions[1]/sites[0]}, the
 * steps {@code solutions[1]} then {@code sites[0]}) and what was found and expected.
 */
public class OrganisationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Location location;
    private final String detail;

    /**
     * @param location where in the description, e.g. {@code Location.of("members", 0).child("sites", 2)}
     * @param detail   what was found and what was expected (French)
     */
    public OrganisationException(Location location, String detail) {
        super(dotted(location) + " : " + detail);
        this.location = Objects.requireNonNull(location, "location");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** Where in the description the problem lies. */
    public Location location() {
        return location;
    }

    /** What was found and what was expected (French), without the location. */
    public String detail() {
        return detail;
    }

    /**
     * The location in the dotted notation of the exception message, {@code members[0].sites[2]}.
     *
     * @return the steps of {@link #location()} joined by dots
     */
    public String path() {
        return dotted(location);
    }

    private static String dotted(Location location) {
        StringBuilder sb = new StringBuilder();
        for (Location.Step s : location.steps()) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(s);
        }
        return sb.toString();
    }
}
