/**
 * The CXF connector of Vigie: {@link org.vigie.cxf.VigieFeature} (added to a JAX-WS client in one line or from Spring
 * XML) and {@link org.vigie.cxf.VigieRejectedException} (what an {@code ENFORCE} feature throws instead of sending).
 */
package org.vigie.cxf;
