package io.kubekt.api

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kotest.matchers.types.shouldNotBeSameInstanceAs
import io.kubekt.api.core.v1.ConfigMap

/** Equal strings read from JSON share one instance (what keeps cached replicas of one template small). */
class StringTableSpec : FunSpec({
    fun decode(value: String): String {
        val json = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"$value"}}"""
        return ConfigMap.TYPE.decode(json.toByteArray()).data!!.getValue("k")
    }

    test("equal short, long and digest-sized values decode to one shared instance") {
        for (value in listOf("IfNotPresent", "/var/run/secrets/kubernetes.io/serviceaccount", "registry.k8s.io/pause@sha256:" + "0123456789abcdef".repeat(4), "x".repeat(256))) {
            val first = decode(value)
            first shouldBe value
            decode(value) shouldBeSameInstanceAs first
        }
    }

    test("strings that differ only late, or only in length, stay distinct and exact") {
        val base = "/var/lib/kubelet/pods/" + "a".repeat(40)
        val a = decode(base + "1")
        val b = decode(base + "2")
        a shouldBe base + "1"
        b shouldBe base + "2"
        decode(base) shouldBe base
        decode(base + "1") shouldBe base + "1"
    }

    test("values longer than the cached length and non-ASCII values are decoded exactly, each time anew") {
        val long = "y".repeat(257)
        decode(long) shouldBe long
        decode(long) shouldNotBeSameInstanceAs decode(long)
        decode("caf\u00e9 ".repeat(10)) shouldBe "caf\u00e9 ".repeat(10)
    }
})
