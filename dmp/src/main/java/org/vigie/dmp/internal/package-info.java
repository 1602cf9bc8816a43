/**
 * Implementation of the request reading (not API): framing detection, chunked decoding, the mime4j-based MTOM
 * walk, the single StAX pass over the SOAP envelope and the standalone capture of the VIHF Assertion.
 */
package org.vigie.dmp.internal;
