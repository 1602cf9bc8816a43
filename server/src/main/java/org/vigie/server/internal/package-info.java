/** Internals of the endpoint (handler, SOAP answers, TLS contexts, access-log lines); not a public API. */
package org.vigie.server.internal;
