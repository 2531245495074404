package io.kubekt.client

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.api.core.v1.ConfigMap
import kotlinx.coroutines.flow.toList

class ManagedFieldsSpec : FunSpec({
    test("extract keeps only the fields the manager applied, with the object's identity") {
        val live = ConfigMap.TYPE.decode(
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n","resourceVersion":"9","managedFields":[
            {"manager":"a","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:x":{}}}},
            {"manager":"b","operation":"Update","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:y":{}}}}]},
            "data":{"x":"1","y":"2"}}""",
        )
        ManagedFields.extract(live, "a").toJson() shouldBe
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n"},"data":{"x":"1"}}"""
        ManagedFields.extract(live, "b").data shouldBe null
    }
    test("extract picks list elements by key and keeps the key fields") {
        val live = Deployment.TYPE.decode(
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","managedFields":[
            {"manager":"a","operation":"Apply","fieldsV1":{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:image":{}}}}}}}}]},
            "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"app","image":"nginx","imagePullPolicy":"Always"},{"name":"side","image":"busybox"}]}}}}""",
        )
        val extracted = ManagedFields.extract(live, "a")
        extracted.spec?.replicas shouldBe null
        extracted.spec?.template?.spec?.containers!!.map { it.name to it.image } shouldBe listOf("app" to "nginx")
        extracted.spec?.template?.spec?.containers!!.single().imagePullPolicy shouldBe null
    }
})

private const val MANAGED = """"managedFields":[{"manager":"kubectl","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:x":{}}}}]"""

private fun configMap(name: String) =
    """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"$name","namespace":"n","resourceVersion":"7",$MANAGED},"data":{"x":"1"}}"""

/** `withoutManagedFields()` reads lists and watch events without them; everything else is as before. */
class WithoutManagedFieldsSpec : FunSpec({
    val list = """{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"9"},"items":[${configMap("a")},${configMap("b")}]}"""

    test("list, listPages and watch skip managedFields; the plain client and single-object reads keep them") {
        val executor = FakeExecutor(
            respond = { request -> FakeExecutor.ok(if (request.path.endsWith("/configmaps")) list else configMap("a")) },
            lines = { kotlinx.coroutines.flow.flowOf("""{"type":"ADDED","object":${configMap("c")}}""") },
        )
        FakeCluster(executor).use { c ->
            val plain = c.client.coreV1().configMaps("n")
            val lean = plain.withoutManagedFields()
            c.client.bridge.blocking {
                lean.list().items.map { it.metadata!!.managedFields } shouldBe listOf(null, null)
                lean.list().items.map { it.data } shouldBe listOf(mapOf("x" to "1"), mapOf("x" to "1"))
                lean.listPages(io.kubekt.request.ListOptions.NONE).toList().single().items.map { it.metadata!!.name to it.metadata!!.managedFields } shouldBe
                    listOf("a" to null, "b" to null)
                val event = lean.watch().toList().single() as io.kubekt.watch.WatchEvent.Added
                event.obj.metadata!!.name shouldBe "c"
                event.obj.metadata!!.managedFields shouldBe null

                plain.list().items.map { it.metadata!!.managedFields!!.single().manager } shouldBe listOf("kubectl", "kubectl")
                (plain.watch().toList().single() as io.kubekt.watch.WatchEvent.Added).obj.metadata!!.managedFields!!.size shouldBe 1
                lean.get("a").metadata!!.managedFields!!.single().manager shouldBe "kubectl"
            }
            lean.withoutManagedFields().list().items.single { it.metadata!!.name == "a" }.metadata!!.managedFields shouldBe null
            c.client.coreV1().configMaps().allNamespaces().withoutManagedFields().list().items.map { it.metadata!!.managedFields } shouldBe listOf(null, null)
        }
    }
})
