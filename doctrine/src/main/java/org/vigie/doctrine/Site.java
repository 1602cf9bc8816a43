package org.vigie.doctrine;

import java.util.Objects;

import org.vigie.core.Finess;
import org.vigie.core.StructureId;

/**
 * A geographic entity (EG, FINESS établissement) of an organisation member.
 *
 * @param finess        the EG's FINESS
 * @param name          its name (may be empty)
 * @param categoryCode  FINESS category (TRE_R66), e.g. {@code "355"}, {@code "500"} EHPAD; may be empty
 * @param financedPerEg true when its funding is based on the geographic level (DMP feeding must stay traceable
 *                      per EG: authorInstitution = this EG)
 * @param mainSite      true for the main site of a medical biology laboratory
 */
public record Site(Finess finess, String name, String categoryCode, boolean financedPerEg, boolean mainSite) {

    /** FINESS category of EHPAD. */
    public static final String CATEGORY_EHPAD = "500";

    public Site {
        Objects.requireNonNull(finess, "finess");
        name = name == null ? "" : name;
        categoryCode = categoryCode == null ? "" : categoryCode.trim();
    }

    /** A site with only its FINESS and name. */
    public static Site of(Finess finess, String name, String categoryCode) {
        return new Site(finess, name, categoryCode, false, false);
    }

    /** The IdNat_Struct of this EG. */
    public StructureId structureId() {
        return StructureId.ofFiness(finess);
    }

    /** True for an EHPAD (category 500). */
    public boolean ehpad() {
        return CATEGORY_EHPAD.equals(categoryCode);
    }

    /** True for a dialysis centre (category 141 centre de dialyse, 146 alternative à la dialyse). */
    public boolean dialysis() {
        return "141".equals(categoryCode) || "146".equals(categoryCode);
    }

    /** Name and FINESS, for messages. */
    public String label() {
        return name.isEmpty() ? "EG " + finess.value() : name + " (EG " + finess.value() + ")";
    }
}
