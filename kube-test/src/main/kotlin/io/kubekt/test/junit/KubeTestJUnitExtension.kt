package io.kubekt.test.junit

import io.kubekt.test.KubeTestServer
import io.kubekt.test.KubeTestServerBuilder
import org.junit.jupiter.api.extension.AfterAllCallback
import org.junit.jupiter.api.extension.BeforeAllCallback
import org.junit.jupiter.api.extension.ExtensionContext
import org.junit.jupiter.api.extension.ParameterContext
import org.junit.jupiter.api.extension.ParameterResolver

/**
 * JUnit 5 extension: one [KubeTestServer] per test class, started before the first test and
 * closed after the last, injected into test and lifecycle method parameters of type [KubeTestServer].
 *
 * `@ExtendWith(KubeTestJUnitExtension.class)` uses the default settings; for others, register an
 * instance: `@RegisterExtension static KubeTestJUnitExtension kube = new KubeTestJUnitExtension(KubeTestServer.builder().https(false));`
 */
public class KubeTestJUnitExtension @JvmOverloads constructor(
    private val settings: KubeTestServerBuilder = KubeTestServer.builder(),
) : BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private var server: KubeTestServer? = null

    /** The running server; only between the class's first and last test. */
    public fun server(): KubeTestServer = checkNotNull(server) { "the kube-test server runs only while the test class runs" }

    override fun beforeAll(context: ExtensionContext) {
        if (server == null) server = settings.start()
    }

    override fun afterAll(context: ExtensionContext) {
        server?.close()
        server = null
    }

    override fun supportsParameter(parameterContext: ParameterContext, extensionContext: ExtensionContext): Boolean =
        parameterContext.parameter.type == KubeTestServer::class.java

    override fun resolveParameter(parameterContext: ParameterContext, extensionContext: ExtensionContext): Any = server()
}
