package org.vigie.testkit;

import java.util.Set;

/** The defects that exist only as text: a DOCTYPE, entity references, truncation. */
final class VihfTextDefects {

    /** The text the entity defects put in subject-id, replaced by an entity reference once serialised. */
    static final String ENTITY_MARKER = "VIGIE-ENTITY-MARKER";

    private VihfTextDefects() {
    }

    /** The DOCTYPE the textual defects put before the root element named {@code rootQName} ("" if none). */
    static String doctype(Set<VihfDefect> defects, String rootQName) {
        if (defects.contains(VihfDefect.EXTERNAL_ENTITY)) {
            return "<!DOCTYPE " + rootQName + " [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>";
        } else if (defects.contains(VihfDefect.ENTITY_EXPANSION)) {
            StringBuilder dt = new StringBuilder("<!DOCTYPE " + rootQName + " [<!ENTITY lol0 \"lol\">");
            for (int i = 1; i < 10; i++) {
                dt.append("<!ENTITY lol").append(i).append(" \"");
                for (int j = 0; j < 10; j++) {
                    dt.append("&lol").append(i - 1).append(';');
                }
                dt.append("\">");
            }
            return dt.append("]>").toString();
        } else if (defects.contains(VihfDefect.DOCTYPE)) {
            return "<!DOCTYPE " + rootQName + " [<!ELEMENT " + rootQName + " ANY>]>";
        }
        return "";
    }

    /** Entity references and truncation applied to serialised XML. */
    static String textualBody(Set<VihfDefect> defects, String xml) {
        String out = xml;
        if (defects.contains(VihfDefect.EXTERNAL_ENTITY)) {
            out = out.replace(ENTITY_MARKER, "&xxe;");
        } else if (defects.contains(VihfDefect.ENTITY_EXPANSION)) {
            out = out.replace(ENTITY_MARKER, "&lol9;");
        }
        if (defects.contains(VihfDefect.NOT_WELL_FORMED)) {
            out = out.substring(0, out.length() - 5);
        }
        return out;
    }
}
