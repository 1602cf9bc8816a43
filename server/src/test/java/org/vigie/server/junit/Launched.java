package org.vigie.server.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a test class through the JUnit Platform launcher, in this JVM, with configuration parameters of its own (e.g.
 * parallel execution), and collects the outcome of each test and container. Classes meant to run only this way
 * carry {@link Only}: run by the build directly, they are skipped.
 */
final class Launched {

    /** Configuration parameter set by {@link #run}: what {@link Only} looks for. */
    static final String MARK = "vigie.junit.launched";

    /** One finished test or container. */
    record Outcome(String name, boolean test, TestExecutionResult.Status status, Throwable error) {
    }

    private Launched() {
    }

    static List<Outcome> run(Class<?> testClass, Map<String, String> configuration) {
        Map<String, String> config = new HashMap<>(configuration);
        config.put(MARK, "true");
        List<Outcome> out = new CopyOnWriteArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(testClass))
                .filters(EngineFilter.includeEngines("junit-jupiter")).configurationParameters(config).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        out.add(new Outcome(id.getDisplayName(), id.isTest(), result.getStatus(),
                                result.getThrowable().orElse(null)));
                    }
                });
        return out;
    }

    static List<Outcome> tests(List<Outcome> all) {
        return all.stream().filter(Outcome::test).toList();
    }

    /** Runs the annotated class only under {@link Launched#run}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(OnlyCondition.class)
    @interface Only {
    }

    /** The condition of {@link Only}. */
    static final class OnlyCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(MARK).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by Launched.run")
                    : ConditionEvaluationResult.disabled("run by Launched.run only");
        }
    }
}
