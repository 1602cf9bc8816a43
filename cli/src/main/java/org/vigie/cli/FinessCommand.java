package org.vigie.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code vigie finess}: loads FINESS extracts and looks identifiers up (stub, being written). */
@Command(name = "finess", mixinStandardHelpOptions = true,
        description = "Charge des extraits FINESS et recherche des identifiants.")
public final class FinessCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnusableInputException("commande finess pas encore disponible");
    }
}
