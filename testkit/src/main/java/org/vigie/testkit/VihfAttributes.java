package org.vigie.testkit;

import static org.vigie.testkit.VihfBuilder.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute model of a VIHF: its values (plain strings, CE-typed codes, raw XML fragments), the default
 * attributes of an indirect-authentication token, and the attribute defects of {@link VihfDefect}.
 */
final class VihfAttributes {

    private VihfAttributes() {
    }

    /** One CE-typed value (Role, PurposeOfUse). */
    record Ce(String element, String code, String codeSystem, String codeSystemName, String displayName) {
    }

    /** An AttributeValue whose content is an XML fragment, inserted as is (no xsi:type added). */
    record Raw(String xml) {
    }

    /** One {@code saml2:Attribute}: its name and values (String, Ce or Raw). */
    record Attr(String name, List<Object> values) {
        Attr copy() {
            return new Attr(name, new ArrayList<>(values));
        }
    }

    /**
     * The attributes of a valid indirect-authentication VIHF, in the ANS order.
     *
     * @param structure the Identifiant_Structure (the signer's subject OU)
     */
    static List<Attr> defaults(String structure) {
        List<Attr> list = new ArrayList<>();
        list.add(string(IDENTIFIANT_STRUCTURE, structure));
        list.add(string(SECTEUR_ACTIVITE, "SA01^" + SECTOR_SYSTEM));
        list.add(string(SUBJECT_ID, "Jean TEST-VIGIE"));
        list.add(new Attr(ROLE, new ArrayList<>(List.of(
                new Ce("Role", "10", "1.2.250.1.71.1.2.7", null, "Médecin"),
                new Ce("Role", "SM26", "1.2.250.1.71.4.2.5", null, "Qualifié en Médecine Générale (SM)")))));
        list.add(string(VIHF_VERSION, "3.0"));
        list.add(string(AUTHENTIFICATION_MODE, "INDIRECTE"));
        list.add(string(RESOURCE_ID, "207058575627097" + INS_SUFFIX));
        list.add(string(RESSOURCE_URN, "urn:dmp"));
        list.add(new Attr(PURPOSE_OF_USE, new ArrayList<>(List.of(purpose("normal")))));
        list.add(string(LPS_ID, "1.2.250.1.999.1.1.7898"));
        list.add(string(LPS_NOM, "VIGIE TESTKIT"));
        list.add(string(LPS_VERSION, "0.1.0"));
        list.add(string(LPS_ID_HOMOLOGATION_DMP, "HOMOLOGATION-TEST-0001"));
        return list;
    }

    /** A single-valued string attribute. */
    static Attr string(String name, String value) {
        return new Attr(name, new ArrayList<>(List.of(value)));
    }

    /** Replaces the values of the first attribute of that name, or appends a new attribute with them. */
    static void replaceOrAdd(List<Attr> list, String name, List<Object> values) {
        for (Attr a : list) {
            if (a.name().equals(name)) {
                a.values().clear();
                a.values().addAll(values);
                return;
            }
        }
        list.add(new Attr(name, values));
    }

    /** A copy of the builder's attributes with the attribute defects applied (the builder's list is unchanged). */
    static List<Attr> withDefects(List<Attr> attributes, Set<VihfDefect> defects) {
        List<Attr> list = new ArrayList<>();
        for (Attr a : attributes) {
            list.add(a.copy());
        }
        for (VihfDefect d : defects) {
            switch (d) {
                case ATTRIBUTE_MISSING -> list.removeIf(a -> a.name().equals(LPS_NOM));
                case ATTRIBUTE_EMPTY -> set(list, LPS_ID_HOMOLOGATION_DMP, "");
                case ATTRIBUTE_REPEATED -> list.add(new Attr(LPS_NOM, new ArrayList<>(List.of("VIGIE TESTKIT BIS"))));
                case VERSION -> set(list, VIHF_VERSION, "2.0");
                case AUTH_MODE -> set(list, AUTHENTIFICATION_MODE, "DIRECTE");
                case AUTH_MODE_SPELLING -> rename(list, AUTHENTIFICATION_MODE, "Authentification_mode");
                case ROLE -> {
                    Attr r = find(list, ROLE);
                    if (r != null && !r.values().isEmpty() && r.values().get(0) instanceof Ce ce) {
                        r.values().set(0, new Ce(ce.element(), ce.code(), null, null, ce.displayName()));
                    }
                }
                case ROLE_SPECIALTY_MISSING -> {
                    Attr r = find(list, ROLE);
                    if (r != null) {
                        r.values().clear();
                        r.values().add(new Ce("Role", "10", "1.2.250.1.71.1.2.7", null, "Médecin"));
                    }
                }
                case PURPOSE -> {
                    Attr p = find(list, PURPOSE_OF_USE);
                    if (p != null) {
                        p.values().clear();
                        p.values().add(new Ce("PurposeOfUse", "autre", PURPOSE_SYSTEM, "mode acces VIHF 2.0", "Autre"));
                    }
                }
                case RESOURCE -> set(list, RESSOURCE_URN, "urn:dmp:autre");
                case RESOURCE_ID -> set(list, RESOURCE_ID, "207058575627097^^^&1.2.250.1.213.1.4.2&ISO^NH");
                case STRUCTURE_MISMATCH -> set(list, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
                case STRUCTURE_UNKNOWN -> set(list, IDENTIFIANT_STRUCTURE, UNKNOWN_STRUCTURE);
                case SECTOR_NOT_IN_VALUESET -> set(list, SECTEUR_ACTIVITE, "SA66^" + SECTOR_SYSTEM);
                case SECTOR_CODE_SYSTEM -> set(list, SECTEUR_ACTIVITE, "SA01^1.2.250.1.213.1.1.4.9");
                case SECTOR_FORBIDDEN -> set(list, SECTEUR_ACTIVITE, "SA23^" + SECTOR_SYSTEM);
                case EXTERNAL_ENTITY, ENTITY_EXPANSION -> set(list, SUBJECT_ID, VihfTextDefects.ENTITY_MARKER);
                default -> {
                }
            }
        }
        return list;
    }

    static Attr find(List<Attr> list, String name) {
        for (Attr a : list) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    static void set(List<Attr> list, String name, String value) {
        Attr a = find(list, name);
        if (a != null) {
            a.values().clear();
            a.values().add(value);
        }
    }

    static void rename(List<Attr> list, String from, String to) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(from)) {
                list.set(i, new Attr(to, list.get(i).values()));
            }
        }
    }

    static final Map<String, String> PURPOSE_LABELS = Map.of(
            "normal", "Accès normal", "bris_de_glace", "Accès en urgence", "centre_15", "Accès en régulation");

    static Ce purpose(String code) {
        return new Ce("PurposeOfUse", code, PURPOSE_SYSTEM, "mode acces VIHF 2.0",
                PURPOSE_LABELS.getOrDefault(code, code));
    }
}
