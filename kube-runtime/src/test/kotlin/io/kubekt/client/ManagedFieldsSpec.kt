package io.kubekt.client

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.api.core.v1.ConfigMap

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
