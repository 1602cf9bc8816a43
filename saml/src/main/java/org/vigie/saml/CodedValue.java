package org.vigie.saml;

import java.util.Objects;

/**
 * An HL7 v3 coded value as carried by the VIHF role and purpose-of-use attributes
 * ({@code <Role xmlns="urn:hl7-org:v3" code=".." codeSystem=".." displayName=".." xsi:type="CE"/>}).
 *
 * @param element     local name of the element ({@code Role}, {@code PurposeOfUse}, ...)
 * @param code        {@code code} attribute, empty when absent
 * @param codeSystem  {@code codeSystem} attribute, empty when absent
 * @param displayName {@code displayName} attribute, empty when absent
 * @param xsiType     {@code xsi:type} as written (e.g. {@code CE}), empty when absent
 */
public record CodedValue(String element, String code, String codeSystem, String displayName, String xsiType) {

    public CodedValue {
        Objects.requireNonNull(element, "element");
        code = code == null ? "" : code;
        codeSystem = codeSystem == null ? "" : codeSystem;
        displayName = displayName == null ? "" : displayName;
        xsiType = xsiType == null ? "" : xsiType;
    }

    /** True when {@code xsi:type} is {@code CE} (with or without a prefix). */
    public boolean isCe() {
        int colon = xsiType.indexOf(':');
        return "CE".equals(colon < 0 ? xsiType : xsiType.substring(colon + 1));
    }
}
