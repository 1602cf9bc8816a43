package org.vigie.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds French in a text meant to be English: accented letters and French quotation marks, elided articles
 * ({@code l'}, {@code d'}, {@code n'}, {@code qu'}), and common French words (lower case, plus the capitalised ones
 * that start a sentence). Values quoted from the input ({@code "…"}, the English quotation) are data and are skipped;
 * an explicit allow-list removes first the French identifiers and proper nouns that stay
 * French in English output: attribute names of the VIHF (Identifiant_Structure…), official codes (INDIRECTE,
 * bris_de_glace…), the names and places the test PKI writes in its certificate subjects, and the two step names of
 * the typed location that designate the parts of a message.
 */
final class FrenchDetector {

    /** Identifiers and proper nouns kept in French in English text (removed before the search). */
    static final List<String> ALLOWED = List.of(
            // VIHF attribute names and official codes (identifiers of the CI-SIS specification)
            "Identifiant_Structure", "Secteur_Activite", "Authentification_Mode", "Authentification_mode",
            "Ressource_URN", "IdNat_Struct", "VIHF_Version", "INDIRECTE_RENFORCEE", "INDIRECTE", "DIRECTE",
            "bris_de_glace", "centre_15", "Médecin",
            // names and places of the test PKI's certificate subjects and of the test directory
            "STRUCTURE DE TEST", "Rhône", "IGC-Santé", "IGC Santé", "MSSanté", "Ségur", "Etablissement", "ASSISTANCE PUBLIQUE HOPITAUX DE PARIS",
            // official display names of value sets (JDV_J61 sector labels) and names of the doctrine examples
            "Assurance privée", "MSP des Remparts",
            // location steps naming the parts of a message (typed Location, same in every language)
            "enveloppe SOAP", "partie racine MTOM", "parties séparées");

    /** Random ids of the test kit (UUIDs, hex), whose letters may spell a French word ("ce"). */
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /** A value quoted from the input ("…" in English text): data, not prose. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\n]*\"");

    private static final Pattern ACCENTS = Pattern.compile("[àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»]");
    private static final Pattern ELISION = Pattern.compile("(?<![\\p{L}])(?:[lLdDnNjJsS]|[qQ]u)'\\p{L}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    private static final Set<String> WORDS = Set.of(
            "le", "la", "les", "des", "du", "de", "est", "pas", "une", "un", "et", "ou", "dans", "pour", "sans",
            "avec", "aucun", "aucune", "au", "aux", "sur", "par", "ne", "que", "qui", "ce", "cette", "ces", "son",
            "sa", "ses", "leur", "vide", "attendu", "attendue", "attendus", "trouvé", "ligne", "colonne", "fichier",
            "certificat", "jeton", "requête", "contrôle", "fiche", "partie", "limite", "octets", "valeur",
            "illisible", "introuvable", "inconnu", "inconnue", "absente", "manquant", "erreur", "erreurs",
            "avertissement", "alerte", "seul", "seule", "plusieurs", "depuis", "selon", "entre", "doit", "peut",
            "sont", "lu", "lue", "autre", "lecture", "enveloppe", "racine", "jusqu", "après", "avant", "mal",
            "formé", "refusé", "refusée", "interdit", "interdite", "émetteur", "ancre", "confiance",
            "chaîne", "élément", "éléments", "caractère", "caractères", "pièces", "évaluée", "alimentation",
            "seulement", "entrée", "sortie", "commande", "étape", "règles", "résultat", "conforme", "constat");
    private static final Set<String> CAPITALISED = Set.of(
            "Le", "La", "Les", "Aucun", "Aucune", "Une", "Certificat", "Requête", "Contrôle", "Fichier", "Jeton",
            "Pièces", "Évaluée", "Profil", "Aide", "Identifiants", "Erreur");

    private FrenchDetector() {
    }

    /** The French found in {@code text} (empty when none). */
    static List<String> find(String text) {
        String t = HEX_ID.matcher(QUOTED.matcher(text).replaceAll("\"\"")).replaceAll("<id>");
        for (String a : ALLOWED) {
            t = t.replace(a, " ");
        }
        List<String> hits = new ArrayList<>();
        Matcher m = ACCENTS.matcher(t);
        while (m.find()) {
            hits.add(around(t, m.start()));
        }
        m = ELISION.matcher(t);
        while (m.find()) {
            hits.add(around(t, m.start()));
        }
        m = WORD.matcher(t);
        while (m.find()) {
            String w = m.group();
            if (WORDS.contains(w) || CAPITALISED.contains(w)) {
                hits.add(w);
            }
        }
        return hits;
    }

    private static String around(String t, int at) {
        int from = Math.max(0, at - 12);
        int to = Math.min(t.length(), at + 12);
        return t.substring(from, to);
    }
}
