package io.kubekt.conformance.rest

import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.configMapJson
import io.kubekt.request.PatchType

/**
 * JSON patch and merge patch (transcripts 25-27). Strategic merge patch and server-side apply
 * of built-ins have their own spec.
 */
class PatchSpec : ConformanceSpec({
    suspend fun patch(type: PatchType, name: String, body: String) =
        rest.patch(type).namespace(namespace).resource("configmaps").name(name).body(body).execute<ConfigMap>()

    beforeSpec {
        rest.post().namespace(namespace).resource("configmaps").body(configMapJson("cm1", data = mapOf("a" to "1"))).executeJson()
    }

    test("a JSON patch applies its operations in order, test included (transcript 25)") {
        val patched = patch(PatchType.JSON, "cm1", """[{"op":"add","path":"/data/b","value":"2"},{"op":"test","path":"/data/a","value":"1"}]""")
        patched.data shouldBe mapOf("a" to "1", "b" to "2")
    }

    test("a JSON patch whose test fails is 422 Invalid with the generic message and nothing changes (transcript 26)") {
        val before = rest.get().namespace(namespace).resource("configmaps").name("cm1").execute<ConfigMap>()
        val e = apiError { patch(PatchType.JSON, "cm1", """[{"op":"replace","path":"/data/a","value":"9"},{"op":"test","path":"/data/a","value":"nope"}]""") }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
        e.status.message shouldBe "the server rejected our request due to an error in our request"
        rest.get().namespace(namespace).resource("configmaps").name("cm1").execute<ConfigMap>().metadata!!.resourceVersion shouldBe
            before.metadata!!.resourceVersion
    }

    test("a JSON patch removing a missing path is 422 Invalid") {
        val e = apiError { patch(PatchType.JSON, "cm1", """[{"op":"remove","path":"/data/missing"}]""") }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
    }

    test("a merge patch sets keys and removes those set to null (transcript 27)") {
        patch(PatchType.MERGE, "cm1", """{"data":{"c":"3"}}""")
        val patched = patch(PatchType.MERGE, "cm1", """{"data":{"b":null,"c":"4"}}""")
        patched.data shouldBe mapOf("a" to "1", "c" to "4")
    }

    test("a merge patch with a stale resourceVersion is 409 Conflict") {
        val e = apiError { patch(PatchType.MERGE, "cm1", """{"metadata":{"resourceVersion":"1"},"data":{"z":"1"}}""") }
        e.code shouldBe 409
        e.reason shouldBe "Conflict"
    }

    test("a patch of a missing object is 404 NotFound") {
        val e = apiError { patch(PatchType.MERGE, "ghost", """{"data":{"z":"1"}}""") }
        e.code shouldBe 404
        e.status.message shouldBe "configmaps \"ghost\" not found"
    }

    test("a body that is not JSON is 400 BadRequest") {
        val e = apiError { patch(PatchType.MERGE, "cm1", "{not json") }
        e.code shouldBe 400
        e.reason shouldBe "BadRequest"
    }

    test("a patch with dryRun=All answers the result and changes nothing") {
        val before = rest.get().namespace(namespace).resource("configmaps").name("cm1").execute<ConfigMap>()
        val dry = rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("cm1").param("dryRun", "All")
            .body("""{"data":{"dry":"yes"}}""").execute<ConfigMap>()
        dry.data!!["dry"] shouldBe "yes"
        rest.get().namespace(namespace).resource("configmaps").name("cm1").execute<ConfigMap>().data shouldBe before.data
    }
})
