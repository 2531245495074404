package io.kubekt.api

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

class RoundTripSpec : FunSpec({
    fun typeOf(json: String): ModelType<*> {
        val o = Json.parseToJsonElement(json).jsonObject
        val kind = GroupVersionKind.of(o["apiVersion"]!!.jsonPrimitive.content, o["kind"]!!.jsonPrimitive.content)
        return BuiltinModels.modelType(kind).shouldNotBeNull()
    }

    fun <T : KubeModel<T, *>> roundTrip(type: ModelType<T>, bytes: ByteArray): String = type.encodeToString(type.decode(bytes))

    // the API server ends a response with a newline after the JSON value; the value itself must match
    fun body(file: String) = Resources.text(file).removeSuffix("\n")

    val fixtures = Resources.list("fixtures").filter { !it.startsWith("dubhe.welkin") }
    for (file in fixtures) {
        test("API server list $file is written back byte for byte") {
            val text = body("fixtures/$file")
            roundTrip(typeOf(text), text.toByteArray()) shouldBe text
        }
    }

    for (file in Resources.list("manifests")) {
        test("manifest $file is written back byte for byte") {
            val text = body("manifests/$file")
            roundTrip(typeOf(text), text.toByteArray()) shouldBe text
        }
    }

    test("a decoded object survives toBuilder and build unchanged, bytes included") {
        val text = body("fixtures/podlist-5-bench.json")
        val list = io.kubekt.api.core.v1.PodList.TYPE.decode(text)
        val copy = list.toBuilder().build()
        copy shouldBe list
        copy.toJson() shouldBe text
    }

    test("decoding through kotlinx Json gives the same object as the byte decoder") {
        val text = body("fixtures/apps-v1-deployments.json")
        val viaJson = Json.decodeFromString<io.kubekt.api.apps.v1.DeploymentList>(text)
        viaJson shouldBe io.kubekt.api.apps.v1.DeploymentList.TYPE.decode(text)
        Json.encodeToString(io.kubekt.api.apps.v1.DeploymentList.serializer(), viaJson) shouldBe text
    }
})
