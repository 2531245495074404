package io.kubekt.test

import io.kotest.core.extensions.install
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.test.kotest.KubeTestKotestExtension
import io.kubekt.test.support.TestClient

class KotestExtensionSpec : FunSpec({
    val server = install(KubeTestKotestExtension()) { https(false) }

    test("the installed extension gives the spec a running server") {
        server.url.startsWith("http://127.0.0.1:") shouldBe true
        TestClient(server).get("/api/v1/namespaces/default").code shouldBe 200
    }
})

class KotestExtensionClosesSpec : FunSpec({
    val spec = this
    test("the extension closes the server after the spec") {
        val extension = KubeTestKotestExtension()
        val server = extension.mount { https(false) }
        TestClient(server).get("/version").code shouldBe 200
        extension.afterSpec(spec)
        runCatching { TestClient(server).get("/version") }.isFailure shouldBe true
    }
})
