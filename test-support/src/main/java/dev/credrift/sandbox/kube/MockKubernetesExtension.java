package dev.credrift.sandbox.kube;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a fresh {@link MockKubernetes} parameter (every CRD installed), closed when the test, or the class for
 * a {@code @BeforeAll} parameter, ends:
 * <pre>{@code
 * @ExtendWith(MockKubernetesExtension.class)
 * class BindingIndexIT {
 *     @Test
 *     void shouldIndexWhenBindingAppears(MockKubernetes kube) { ... }
 * }
 * }</pre>
 * A fresh server per test keeps tests independent: the server starts in milliseconds.
 */
public final class MockKubernetesExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MockKubernetesExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == MockKubernetes.class;
    }

    @Override
    public MockKubernetes resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // one server per context: a test method and its @BeforeEach see the same one
        return extensionContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Closing.class, key -> new Closing(MockKubernetes.start()), Closing.class)
                .kube();
    }

    /** Closed by JUnit with the context's store. */
    private record Closing(MockKubernetes kube) implements AutoCloseable {
        @Override
        public void close() {
            kube.close();
        }
    }
}
