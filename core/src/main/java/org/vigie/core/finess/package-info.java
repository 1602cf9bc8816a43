/**
 * Loading the FINESS directory: readers of the etalab EG extract, of the "finess-structures" JSON feed and of an
 * EJ extract ({@link org.vigie.core.finess.FinessLoader} is the entry point), and a generator of synthetic extracts
 * in the etalab format ({@link org.vigie.core.finess.FinessExtractGenerator}).
 */
package org.vigie.core.finess;
