/**
 * Delimited text plumbing shared by the FINESS readers (core) and the deployment inventory reader (doctrine): the
 * line reader that sniffs UTF-8 or Windows-1252 line by line ({@link org.vigie.core.internal.text.ByteLineReader})
 * and the field splitter ({@link org.vigie.core.internal.text.Csv}). Not an API: exported to org.vigie.doctrine only.
 */
package org.vigie.core.internal.text;
