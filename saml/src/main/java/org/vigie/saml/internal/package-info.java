/**
 * Implementation of control 1, not API: hardened DOM parsing, Assertion location, the house signature profile and
 * Santuario verification, token reading and rule checks. May change without notice.
 */
package org.vigie.saml.internal;
