package org.vigie.server.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigie.server.ClientAuth;

/**
 * The annotation form of {@link VigieDmpExtension}: one Vigie DMP endpoint for the test class (and its
 * {@code @Nested} classes), started before all its tests and stopped after them; each test takes what it needs as
 * parameters: {@link DmpTestEndpoint} (URL, SSL context, reports), {@link java.net.URI}, {@link javax.net.ssl.SSLContext},
 * {@link TestStructure}, {@link org.vigie.server.VigieTestServer}.
 *
 * <pre>{@code
 * @VigieDmp(structure = "1750712184", usualDirectory = true)
 * class MyConnectorTest {
 *     @Test
 *     void feedingIsAccepted(DmpTestEndpoint dmp) {
 *         myConnector.send(dmp.url().resolve("si-dmp-server/v2/services"), dmp.sslContext(), ...);
 *         ReportAssert.assertThat(dmp.lastReport()).isAccepted();
 *     }
 * }
 * }</pre>
 *
 * The PKI is {@code TestPki.shared()} and the policy the default; for anything else (policy, PKI, clock, limits,
 * directory of your own) register a {@link VigieDmpExtension#builder() built extension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(VigieDmpExtension.class)
public @interface VigieDmp {

    /** @return the IdNat_Struct of the test structure (default {@value TestStructure#DEFAULT_ID}) */
    String structure() default TestStructure.DEFAULT_ID;

    /** @return the client-certificate mode of the endpoint (default DIAGNOSE) */
    ClientAuth clientAuth() default ClientAuth.DIAGNOSE;

    /**
     * @return true to validate against {@code TestDirectory.usual()} (the EJ 750712184 with its EGs, and the EJ
     *         920000650), false for no directory (the default)
     */
    boolean usualDirectory() default false;

    /** @return the language of the findings' messages in the answers: {@code "fr"} (default) or {@code "en"} */
    String language() default "fr";
}
