package org.vigie.cda;

import org.vigie.core.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.Siren;
import org.vigie.core.StructureId;

/**
 * An HL7 v2.5 XON (extended composite name and identification number for organisations), as carried by the XDS
 * {@code authorInstitution} slot. Components are separated by {@code ^}, sub-components by {@code &}; the escape
 * sequences {@code \F\ \S\ \T\ \R\ \E\} stand for {@code | ^ & ~ \}. Parsing never fails: what the French profile
 * requires is checked by {@link #frenchProfile()}.
 *
 * <p>French profile (ANS): components 1, 6, 7 and 10 filled,
 * {@code Name^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^<IdNat_Struct>}; the software-service (SNR) variant is
 * {@code Name^^^^^&1.3.2&ISO^SIREN^^^<SIREN>}.
 */
public final class Xon {

    /** OID of the IdNat_Struct assigning authority (XON.6.2 and CDA {@code id/@root}). */
    public static final String IDNST_OID = "1.2.250.1.71.4.2.2";
    /** XON.6.2 of the software-service (SNR) variant. */
    public static final String SIREN_OID = "1.3.2";

    private static final int MAX_COMPONENTS = 10;

    private final String raw;
    private final List<List<String>> components;
    private final List<Messages.Text> syntaxProblems;
    private final boolean repeated;
    private final List<String> rawComponents;

    private Xon(String raw, List<List<String>> components, List<Messages.Text> syntaxProblems, boolean repeated,
                List<String> rawComponents) {
        this.raw = raw;
        this.rawComponents = rawComponents;
        this.components = components;
        this.syntaxProblems = syntaxProblems;
        this.repeated = repeated;
    }

    /** Parses an XON string exactly as written (never throws for non-null input). */
    public static Xon parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Messages.Text> problems = new ArrayList<>();
        boolean repeated = text.indexOf('~') >= 0;
        List<List<String>> comps = new ArrayList<>();
        List<String> raws = split(text, '^');
        for (String c : raws) {
            List<String> subs = new ArrayList<>();
            for (String s : split(c, '&')) {
                subs.add(unescape(s, problems));
            }
            comps.add(Collections.unmodifiableList(subs));
        }
        return new Xon(text, Collections.unmodifiableList(comps), List.copyOf(problems), repeated, List.copyOf(raws));
    }

    /** The French-profile XON of a structure: {@code Name^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^<id>}. */
    public static Xon of(String name, StructureId id) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        return parse(escape(name) + "^^^^^&" + IDNST_OID + "&ISO^IDNST^^^" + id.value());
    }

    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** Replaces the HL7 escape sequences by the characters they stand for. Unknown sequences are kept as written. */
    public static String unescape(String s) {
        return unescape(s, new ArrayList<>());
    }

    private static String unescape(String s, List<Messages.Text> problems) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            int end = s.indexOf('\\', i + 1);
            if (end < 0) {
                problems.add(Messages.text("AI-FORMAT.cda-xon-escape-unterminated", s.substring(i)));
                sb.append(s, i, s.length());
                break;
            }
            String code = s.substring(i + 1, end);
            switch (code) {
                case "F" -> sb.append('|');
                case "S" -> sb.append('^');
                case "T" -> sb.append('&');
                case "R" -> sb.append('~');
                case "E" -> sb.append('\\');
                default -> {
                    if (code.length() > 1 && code.charAt(0) == 'X' && isHex(code.substring(1))) {
                        String hex = code.substring(1);
                        for (int k = 0; k + 1 < hex.length(); k += 2) {
                            sb.append((char) Integer.parseInt(hex.substring(k, k + 2), 16));
                        }
                    } else {
                        sb.append(s, i, end + 1);
                    }
                }
            }
            i = end + 1;
        }
        return sb.toString();
    }

    /** The text with every character outside printable ASCII shown as {@code <U+XXXX>}. */
    public static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x20 || c > 0x7e) {
                b.append(String.format("<U+%04X>", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    private static boolean isHex(String h) {
        if (h.isEmpty() || h.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            if (Character.digit(h.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Escapes {@code | ^ & ~ \} with the HL7 escape sequences. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|' -> sb.append("\\F\\");
                case '^' -> sb.append("\\S\\");
                case '&' -> sb.append("\\T\\");
                case '~' -> sb.append("\\R\\");
                case '\\' -> sb.append("\\E\\");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The value as written. */
    public String raw() {
        return raw;
    }

    /** Formats the components back (escaping delimiters inside values); trailing empty components are dropped. */
    public String format() {
        int last = components.size();
        while (last > 1 && components.get(last - 1).stream().allMatch(String::isEmpty)) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < last; i++) {
            if (i > 0) {
                sb.append('^');
            }
            List<String> subs = components.get(i);
            int lastSub = subs.size();
            while (lastSub > 1 && subs.get(lastSub - 1).isEmpty()) {
                lastSub--;
            }
            for (int j = 0; j < lastSub; j++) {
                if (j > 0) {
                    sb.append('&');
                }
                sb.append(escape(subs.get(j)));
            }
        }
        return sb.toString();
    }

    /** All components, each as its list of unescaped sub-components. */
    public List<List<String>> components() {
        return components;
    }

    public int componentCount() {
        return components.size();
    }

    /** Sub-components of component {@code n} (1-based); empty list when absent. */
    public List<String> subComponents(int n) {
        return n >= 1 && n <= components.size() ? components.get(n - 1) : List.of();
    }

    /** Component {@code n} (1-based) unescaped, sub-components joined by {@code &}; empty when absent. */
    public String component(int n) {
        return String.join("&", subComponents(n));
    }

    /** Sub-component {@code s} of component {@code n} (both 1-based), unescaped; empty when absent. */
    public String subComponent(int n, int s) {
        List<String> subs = subComponents(n);
        return s >= 1 && s <= subs.size() ? subs.get(s - 1) : "";
    }

    /** XON.1, the organisation name (unescaped). */
    public String name() {
        return subComponent(1, 1);
    }

    /** XON.6.2, the assigning authority's universal id (an OID in the French profile). */
    public String assigningAuthorityOid() {
        return subComponent(6, 2);
    }

    /** XON.7, the identifier type code ({@code IDNST} in the French profile). */
    public String identifierTypeCode() {
        return component(7);
    }

    /** XON.10, the organisation identifier. */
    public String organizationIdentifier() {
        return component(10);
    }

    /** True when the value holds an unescaped repetition separator {@code ~}. */
    public boolean repeated() {
        return repeated;
    }

    /** The IdNat_Struct carried by XON.10 when it is well-formed (SNR variant: {@code 2} + SIREN). */
    public Optional<StructureId> structureId() {
        return frenchProfile().structureId();
    }

    /** Checks the French profile. */
    public FrenchProfile frenchProfile() {
        List<Messages.Text> problems = new ArrayList<>(syntaxProblems);
        if (repeated) {
            problems.add(Messages.text("AI-FORMAT.cda-xon-repeated"));
        }
        if (components.size() > MAX_COMPONENTS) {
            problems.add(Messages.text("AI-FORMAT.cda-xon-components", components.size()));
        }
        if (name().isBlank()) {
            problems.add(Messages.text("AI-FORMAT.cda-xon-name-empty"));
        }
        if (subComponents(1).size() > 1) {
            problems.add(Messages.text("AI-FORMAT.cda-xon-subcomponent", 1));
        }
        for (int n : new int[] {2, 3, 4, 5, 8, 9}) {
            if (!component(n).isEmpty()) {
                problems.add(Messages.text("AI-FORMAT.cda-xon-not-empty", n, component(n)));
            }
        }
        // the identifying components (6, 7, 10 and those that must stay empty) are compared as text by the
        // controls: an HL7 escape there, or a character outside printable ASCII (a Unicode space, a zero-width
        // character, a control), is read differently by readers that decode or trim and readers that do not
        for (int n = 2; n <= Math.min(components.size(), MAX_COMPONENTS); n++) {
            String written = rawComponents.get(n - 1);
            if (written.indexOf('\\') >= 0) {
                problems.add(Messages.text("AI-FORMAT.cda-xon-escape", n, visible(written)));
            }
            for (int i = 0; i < written.length(); ) {
                int c = written.codePointAt(i);
                i += Character.charCount(c);
                if (c < 0x21 || c > 0x7e) {
                    problems.add(Messages.text("AI-FORMAT.cda-xon-char", String.format("U+%04X", c), n));
                    break;
                }
            }
        }
        String oid = assigningAuthorityOid();
        String type = identifierTypeCode();
        boolean snr = SIREN_OID.equals(oid) && "SIREN".equals(type);
        Variant variant = snr ? Variant.SOFTWARE_SERVICE_SIREN : Variant.IDNST;
        List<String> aa = subComponents(6);
        String expectedOid = snr ? SIREN_OID : IDNST_OID;
        if (aa.size() != 3 || !aa.get(0).isEmpty() || !expectedOid.equals(aa.get(1)) || !"ISO".equals(aa.get(2))) {
            problems.add(Messages.text("AI-FORMAT.cda-xon-6", expectedOid, component(6)));
        }
        if (!snr && !"IDNST".equals(type)) {
            problems.add(Messages.text("AI-FORMAT.cda-xon-7", type));
        }
        String id = organizationIdentifier();
        Optional<StructureId> structureId = Optional.empty();
        if (subComponents(10).size() > 1) {
            problems.add(Messages.text("AI-FORMAT.cda-xon-subcomponent", 10));
        }
        if (id.isEmpty()) {
            problems.add(Messages.text("AI-FORMAT.cda-xon-id-empty"));
        } else if (snr) {
            try {
                Siren siren = Siren.parse(id);
                structureId = Optional.of(StructureId.ofSiren(siren));
            } catch (InvalidIdentifierException e) {
                problems.add(Messages.text("AI-FORMAT.cda-xon-not-siren", e.getMessage()));
            }
        } else {
            try {
                structureId = Optional.of(StructureId.parse(id));
            } catch (InvalidIdentifierException e) {
                problems.add(Messages.text("AI-FORMAT.cda-xon-not-idnat", e.getMessage()));
            }
        }
        return new FrenchProfile(problems.isEmpty(), List.copyOf(problems), structureId, variant);
    }

    /** The two variants of the French profile. */
    public enum Variant {
        /** {@code Name^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^<IdNat_Struct>}. */
        IDNST,
        /** Software services: {@code Name^^^^^&1.3.2&ISO^SIREN^^^<SIREN>}. */
        SOFTWARE_SERVICE_SIREN
    }

    /**
     * Outcome of the French-profile check.
     *
     * @param valid       no problem found
     * @param problemTexts what is wrong, one catalogue text per problem
     * @param structureId  the IdNat_Struct read from XON.10 when well-formed (even if other components are wrong)
     * @param variant      which variant the value claims to follow
     */
    public record FrenchProfile(boolean valid, List<Messages.Text> problemTexts, Optional<StructureId> structureId,
                                Variant variant) {

        /** What is wrong, in French, one entry per problem. */
        public List<String> problems() {
            return problemTexts.stream().map(Messages.Text::toString).toList();
        }

        /** The problems as one text, separated by semicolons, in the language it is rendered in. */
        public Messages.Text problemsText() {
            Messages.Text all = null;
            for (Messages.Text t : problemTexts) {
                all = all == null ? t : Messages.text("AI-FORMAT.cda-and", all, t);
            }
            return all == null ? Messages.text("AI-FORMAT.cda-none") : all;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xon x && raw.equals(x.raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}
