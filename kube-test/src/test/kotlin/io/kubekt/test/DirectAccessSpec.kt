package io.kubekt.test

import io.kubekt.api.GroupVersionResource
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.error.ApiException
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.str

class DirectAccessSpec : FunSpec({
    val server = KubeTestServer.start()
    afterSpec { server.close() }
    val configMaps = GroupVersionResource.core("v1", "configmaps")

    test("objects created from the test are served over HTTP") {
        val created = server.create(configMaps, "default", """{"metadata":{"name":"seeded"},"data":{"k":"v"}}""")
        TestClient.json(created).str("metadata.resourceVersion") shouldNotBe null
        TestClient(server).get("/api/v1/namespaces/default/configmaps/seeded").json.str("data.k") shouldBe "v"
        server.getOrNull(configMaps, "default", "seeded") shouldNotBe null
        server.getOrNull(configMaps, "default", "absent") shouldBe null
    }

    test("a rejected create throws ApiException with the server's Status") {
        val error = shouldThrow<ApiException> { server.create(configMaps, "nope", """{"metadata":{"name":"x"}}""") }
        error.isNotFound shouldBe true
        error.status.message shouldBe "namespaces \"nope\" not found"
        shouldThrow<ApiException> { server.create(configMaps, "default", """{"metadata":{"name":"Bad!"}}""") }.isInvalid shouldBe true
    }
})
