package org.vigie.doctrine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Location;

/**
 * What {@link OrganisationFileReader} made of an organisation file: the organisation, when the file is usable, and
 * every problem found, in file order of discovery.
 *
 * @param organisation the organisation; empty when any problem was found
 * @param problems     the problems; empty when the organisation is present
 */
public record OrganisationFile(Optional<Organisation> organisation, List<Problem> problems) {

    /** Copies the list. */
    public OrganisationFile {
        Objects.requireNonNull(organisation, "organisation");
        problems = List.copyOf(problems);
    }

    /** True when the organisation could be read without any problem. */
    public boolean usable() {
        return organisation.isPresent();
    }

    /**
     * One problem of an organisation file: every problem makes the file unusable.
     *
     * @param location where in the file ({@code members[0]/sites[2]/finess}; {@link Location#NONE} for the whole
     *                 file)
     * @param line     its line in the file, 0 when unknown
     * @param message  what was found and what was expected (French)
     */
    public record Problem(Location location, int line, String message) {

        /** Checks the fields. */
        public Problem {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        /**
         * The location as a JSON pointer into the file ({@code /members/0/sites/2/finess}; {@code ""} for the whole
         * file): each step is a key, followed by its index when it has one.
         *
         * @return the pointer
         */
        public String pointer() {
            return pointerOf(location);
        }

        /**
         * The problem as {@code vigie plan} prints it: {@code file:line: pointer : message} (no line when unknown,
         * {@code /} for the whole file).
         *
         * @param file the file name to show
         * @return the line of text
         */
        public String format(String file) {
            String pointer = pointer();
            return file + (line > 0 ? ":" + line : "") + ": " + (pointer.isEmpty() ? "/" : pointer) + " : " + message;
        }
    }

    /**
     * The JSON pointer of a location in an organisation file: {@code members[0]/sites[2]} is
     * {@code /members/0/sites/2}; a step's key, when it has one, comes before its index.
     *
     * @param location the location
     * @return the pointer, {@code ""} for {@link Location#NONE}
     */
    public static String pointerOf(Location location) {
        StringBuilder sb = new StringBuilder();
        for (Location.Step s : location.steps()) {
            sb.append('/').append(escape(s.name()));
            s.keyValue().ifPresent(k -> sb.append('/').append(escape(k)));
            s.indexValue().ifPresent(i -> sb.append('/').append(i));
        }
        return sb.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
