/**
 * A JUnit 5 extension around {@link org.vigie.server.VigieTestServer}, for a connector's tests: each test gets the
 * endpoint URL, an {@code SSLContext} presenting a test structure's certificate and, after its calls, the report of
 * each request the endpoint validated for it, to assert on with {@code org.vigie.testkit.ReportAssert}.
 *
 * <p>Entry points: {@link org.vigie.server.junit.VigieDmpExtension} (with {@code @RegisterExtension}),
 * {@link org.vigie.server.junit.VigieDmp} (the annotation form), {@link org.vigie.server.junit.DmpTestEndpoint} (the
 * endpoint as one test sees it) and {@link org.vigie.server.junit.TestStructure}. The JUnit Jupiter API is not a
 * dependency of {@code vigie-server}: the host's tests bring it.
 */
package org.vigie.server.junit;
