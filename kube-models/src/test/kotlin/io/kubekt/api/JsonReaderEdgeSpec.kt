package io.kubekt.api

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.Pod
import io.kubekt.api.core.v1.PodList
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

class JsonReaderEdgeSpec : FunSpec({
    test("strings of every length up to 40, with and without non-ASCII at each position, read back exactly") {
        for (len in 0..40) {
            val plain = (0 until len).joinToString("") { ('a' + it % 26).toString() }
            val variants = listOf(plain) + (0 until len).map { i -> plain.substring(0, i) + "é" + plain.substring(i + 1) } +
                (0 until len).map { i -> plain.substring(0, i) + "\\\"" + plain.substring(i + 1) }
            for (v in variants) {
                val text = """{"data":{"k$v":"$v"}}"""
                val cm = ConfigMap.TYPE.decode(text)
                val expected = v.replace("\\\"", "\"")
                cm.data!!["k$expected"] shouldBe expected
                cm.toJson() shouldBe text
            }
        }
    }

    test("names that share long prefixes map to their own fields") {
        val c = io.kubekt.api.core.v1.Container.TYPE.decode(
            """{"terminationMessagePolicy":"File","terminationMessagePath":"/dev/termination-log","terminationMessagePathX":1}""",
        )
        c.terminationMessagePolicy shouldBe "File"
        c.terminationMessagePath shouldBe "/dev/termination-log"
        c.unknownFields.keys shouldBe setOf("terminationMessagePathX")
    }

    test("an interned string is never returned for different bytes of the same length") {
        val words = (0 until 5000).map { "v%05d".format(it) } + (0 until 2000).map { "x".repeat(1 + it % 24) + it }
        val text = """{"data":{${words.joinToString(",") { "\"$it\":\"$it\"" }}}}"""
        val cm = ConfigMap.TYPE.decode(text)
        cm.data!!.size shouldBe words.size
        for (w in words) cm.data!![w] shouldBe w
    }

    test("many threads decoding different shapes at once agree with a single-threaded decode") {
        val shapes = (0 until 64).map { i ->
            val fields = listOf("\"name\":\"p$i\"", "\"namespace\":\"ns${i % 3}\"", "\"uid\":\"u$i\"", "\"x-$i\":$i", "\"generation\":$i")
            """{"metadata":{${fields.shuffled(kotlin.random.Random(i)).take(2 + i % 4).joinToString(",")}}}"""
        }
        val list = """{"items":[${shapes.joinToString(",")}]}"""
        val pool = Executors.newFixedThreadPool(8)
        try {
            val results = pool.invokeAll((0 until 32).map { Callable { (0 until 20).map { PodList.TYPE.decode(list).toJson() }.toSet() } })
            for (r in results) r.get(30, TimeUnit.SECONDS) shouldBe setOf(list)
        } finally {
            pool.shutdownNow()
        }
        for (s in shapes) Pod.TYPE.decode(s).toJson() shouldBe s
    }
})
