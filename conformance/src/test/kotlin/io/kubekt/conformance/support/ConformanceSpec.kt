package io.kubekt.conformance.support

import io.kotest.core.spec.style.FunSpec
import io.kotest.core.test.Enabled
import io.kotest.core.test.TestScope
import io.kubekt.client.KubeClient
import io.kubekt.test.KubeTestServer
import io.kubekt.transport.RetryConfig

/**
 * A conformance spec: Kotest `FunSpec` tests that run unchanged against kube-test or a real
 * cluster ([ConformanceTarget]), each spec in its own namespace.
 *
 * ```kotlin
 * class ConfigMapSpec : ConformanceSpec({
 *     test("create answers 201 with a uid") {
 *         val cm = rest.post().namespace(namespace).resource("configmaps").body(configMap("a")).execute<ConfigMap>()
 *         cm.metadata?.uid shouldNotBe null
 *     }
 *     faultTest("a 503 reaches the caller") { server -> server.faults.failNext(1, 503) ... }
 *     timingTest("bookmarks arrive every interval", "a real server sends them about once a minute") { server -> ... }
 *     kubeTestOnly("403 for a restricted user", "needs a restricted identity") { server -> ... }
 * })
 * ```
 * - [namespace]: created (unique name `c-<spec>-<random>`) before the first test, deleted after
 *   the last without waiting for it to finish terminating; put every namespaced object there.
 *   Cluster-scoped objects get unique names from [uniqueName] and are deleted by the test.
 * - [client] / [rest]: the target's shared client; [noRetryClient] answers errors as the server sent them.
 * - [faultTest], [timingTest], [kubeTestOnly]: run on kube-test only; on a real cluster they are
 *   reported as skipped with the reason. Each gets the [KubeTestServer]; queued faults are
 *   cleared after it. kube-test is shared by every spec of the JVM (specs run one at a time):
 *   never `restart(keepState = false)` it, start a server of your own for that.
 */
abstract class ConformanceSpec(body: ConformanceSpec.() -> Unit) : FunSpec() {
    val target: ConformanceTarget = ConformanceTarget.current
    val client: KubeClient get() = target.client
    val rest get() = target.client.rest()

    /** This spec's namespace. */
    val namespace: String = uniqueName("c-" + javaClass.simpleName.lowercase().removeSuffix("spec"))

    /** A client that never retries, so a test sees each answer of the server. Closed after the spec. */
    val noRetryClient: KubeClient get() = noRetry.value
    private val noRetry = lazy { target.newClient { retry = RetryConfig.NONE } }

    init {
        beforeSpec { Namespaces.create(client, namespace) }
        afterSpec {
            Namespaces.deleteWithoutWaiting(client, namespace)
            if (noRetry.isInitialized()) noRetry.value.close()
        }
        body()
    }

    /** A test that injects faults into kube-test; skipped on a real cluster. */
    fun faultTest(name: String, block: suspend TestScope.(KubeTestServer) -> Unit) =
        kubeTestOnly(name, "fault injection needs kube-test", block)

    /** A test of timing a real server does not promise (bookmark cadence, continue-token expiry); skipped on a real cluster. */
    fun timingTest(name: String, why: String, block: suspend TestScope.(KubeTestServer) -> Unit) =
        kubeTestOnly(name, "timing a real server does not promise: $why", block)

    /** A test that needs kube-test for [reason] (a restricted identity, a configured server); skipped on a real cluster. */
    fun kubeTestOnly(name: String, reason: String, block: suspend TestScope.(KubeTestServer) -> Unit) {
        val server = target.server
        test(name).config(enabledOrReasonIf = { if (server != null) Enabled.enabled else Enabled.disabled("skipped on a real cluster: $reason") }) {
            try {
                block(server!!)
            } finally {
                server!!.faults.clear()
            }
        }
    }
}
