package org.vigie.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --directory} option shared by {@code vigie check} and {@code vigie serve} (one help text, one meaning). */
final class DirectoryOption {

    @Option(names = "--directory", arity = "1..*", paramLabel = "EXTRACT",
            description = {"Extraits FINESS formant l'annuaire des structures (type détecté d'après le contenu) :",
                "- extrait etalab EG : les EG, leur EJ (connue par ses EG, sans fiche), leur catégorie ; n'y figurent "
                        + "que les EG ouverts (fermeture inconnue) ;",
                "- extrait EJ : les fiches EJ, leur SIREN et leur statut juridique (public/privé, utilisé par la "
                        + "doctrine) ; aucun EG ;",
                "- flux JSON finess-structures : EJ et EG, y compris les EG fermés (une EJ dont tous les EG sont "
                        + "fermés est fermée).",
                "Sans annuaire : VIHF-STRUCT-KNOWN, AI-GEOGRAPHIC et AI-SAME-EJ (FINESS) en INFO « non évalué » ; "
                        + "le mode EJ/EG ne peut rattacher aucun EG."})
    List<Path> directory = new ArrayList<>();
}
