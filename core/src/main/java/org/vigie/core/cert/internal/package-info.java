/** Implementation helpers of {@code org.vigie.core.cert}; not API. */
package org.vigie.core.cert.internal;
