/**
 * Loading the FINESS directory: readers of the etalab EG extract, of the "finess-structures" JSON feed and of an
 * EJ extract ({@link org.vigie.core.finess.FinessLoader} is the entry point). Synthetic extracts in these formats
 * are written by the test kit ({@code org.vigie.testkit.data.FinessExtractGenerator}).
 */
package org.vigie.core.finess;
