package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.doctrine.Fixtures.*;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigie.core.LegalStatus;

class ProcedureTest {

    static Organisation.Builder ch() {
        return Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .solution(solution("dpi", "DPI"));
    }

    @Test
    void inHouseProcedureNeedsACpeCardAndForm413SignedByTheLegalRepresentative() {
        Procedure p = evaluate(ch().build(), NOW).procedure();
        assertThat(p.prerequisites()).anySatisfy(s -> assertThat(s).contains("CPE").contains("Cas 2"));
        assertThat(p.steps()).extracting(Procedure.Step::number).containsExactly(1, 2, 3);
        assertThat(p.steps().get(0).addressee()).contains("Représentant légal");
        assertThat(p.steps().get(1).actions().get(0)).contains("formulaire 413").contains("représentant légal");
        assertThat(p.steps().get(2).actions().get(0)).contains("IGC Santé").contains("CPE");
        assertThat(p.steps().get(2).addressee()).contains("interne");
    }

    @Test
    void delegatedProcedureNeedsTheVendorsAnsContractAndCpaCards() {
        Procedure withContract = evaluate(ch().delegation(Delegation.vendor("Editeur SA", true)).build(), NOW).procedure();
        assertThat(withContract.prerequisites()).anySatisfy(s -> assertThat(s).contains("Editeur SA")
                .contains("contrat avec l'ANS").contains("en place"));
        assertThat(withContract.prerequisites()).anySatisfy(s -> assertThat(s).contains("CPA"));
        assertThat(withContract.steps().get(1).addressee()).contains("Editeur SA");
        assertThat(withContract.steps().get(2).actions().get(0)).contains("CPA");

        Procedure noContract = evaluate(ch().delegation(Delegation.vendor("Editeur SA", false)).build(), NOW).procedure();
        assertThat(noContract.prerequisites()).anySatisfy(s -> assertThat(s).contains("NON EN PLACE"));
    }

    @Test
    void missingAdministratorCardIsAPrerequisite() {
        Delegation d = new Delegation(Delegation.Mode.IN_HOUSE, "", Optional.empty(), Optional.of(false));
        Procedure p = evaluate(ch().delegation(d).build(), NOW).procedure();
        assertThat(p.prerequisites()).anySatisfy(s -> assertThat(s).contains("CARTE ABSENTE"));
    }

    @Test
    void liberalsNeedNoAnsContractAndPharmaciesOrderWithTheSegurForm() {
        Organisation pharmacy = Organisation.builder("Pharmacie")
                .member(member("440000010", Corridor.PHARMACY, LegalStatus.PRIVATE, site("440000028", "620"))).build();
        Procedure p = evaluate(pharmacy, NOW).procedure();
        assertThat(p.prerequisites()).anySatisfy(s -> assertThat(s).contains("aucun contrat avec l'ANS"));
        assertThat(p.steps().get(1).actions().get(0)).contains("bon de commande Ségur");

        Procedure hospital = evaluate(ch().build(), NOW).procedure();
        assertThat(hospital.prerequisites()).noneSatisfy(s -> assertThat(s).contains("aucun contrat"));
    }

    @Test
    void eachEjOfAGroupSignsItsOwnForm() {
        Organisation ght = Organisation.builder("GHT").group(GroupKind.GHT, null)
                .member(member("770000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("770000028", "355")))
                .member(member("770000044", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("770000051", "355")))
                .build();
        Procedure p = evaluate(ght, NOW).procedure();
        assertThat(p.steps().get(0).actions()).hasSize(2);
        assertThat(p.steps().get(1).actions().stream().filter(a -> a.contains("formulaire 413"))).hasSize(2);
    }

    @Test
    void nothingToOrderSaysSo() {
        Procedure p = evaluate(ch().certificate(dmp("1750000010", "dpi")).build(), NOW).procedure();
        assertThat(p.steps()).singleElement()
                .satisfies(s -> assertThat(s.actions().get(0)).contains("Aucun certificat à commander"));
    }
}
