package io.kubekt.test.kotest

import io.kotest.core.extensions.MountableExtension
import io.kotest.core.listeners.AfterSpecListener
import io.kotest.core.spec.Spec
import io.kubekt.test.KubeTestServer
import io.kubekt.test.KubeTestServerBuilder

/**
 * Kotest extension (`import io.kotest.core.extensions.install`):
 * `val server = install(KubeTestKotestExtension()) { token("t", "alice") }` starts a
 * [KubeTestServer] for the spec and closes it after the spec.
 */
public class KubeTestKotestExtension : MountableExtension<KubeTestServerBuilder, KubeTestServer>, AfterSpecListener {
    private var server: KubeTestServer? = null

    override fun mount(configure: KubeTestServerBuilder.() -> Unit): KubeTestServer =
        KubeTestServer.builder().apply(configure).start().also { server = it }

    override suspend fun afterSpec(spec: Spec) {
        server?.close()
        server = null
    }
}
