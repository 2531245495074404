package io.kubekt.api

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.comparables.shouldBeGreaterThan
import io.kotest.matchers.comparables.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.api.coordination.v1.Lease
import io.kubekt.api.core.v1.Container
import io.kubekt.api.core.v1.ServicePort
import io.kubekt.api.meta.v1.FieldsV1
import io.kubekt.api.meta.v1.ObjectMeta
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonObject
import java.math.BigDecimal
import java.time.Instant

class ScalarsSpec : FunSpec({
    context("Quantity") {
        test("parses decimal, binary and exponent forms to their values") {
            Quantity.parse("100m").value.compareTo(BigDecimal("0.1")) shouldBe 0
            Quantity.parse("1Gi").value shouldBe BigDecimal(1L shl 30)
            Quantity.parse("1e3").value.compareTo(BigDecimal(1000)) shouldBe 0
            Quantity.parse("0.5").value.compareTo(BigDecimal("0.5")) shouldBe 0
            Quantity.parse("1.5k").value.compareTo(BigDecimal(1500)) shouldBe 0
            Quantity.parse("-2").value.compareTo(BigDecimal(-2)) shouldBe 0
            Quantity.parse("12n").value.compareTo(BigDecimal("0.000000012")) shouldBe 0
            Quantity.parse("5E-3").value.compareTo(BigDecimal("0.005")) shouldBe 0
        }

        test("compares by value across suffixes") {
            Quantity.parse("1Gi") shouldBeGreaterThan Quantity.parse("1000Mi")
            Quantity.parse("100m") shouldBeLessThan Quantity.parse("0.2")
            Quantity.parse("1Gi") shouldBe Quantity.parse("1024Mi")
            Quantity.parse("1Gi").hashCode() shouldBe Quantity.parse("1024Mi").hashCode()
            Quantity.parse("1k") shouldBe Quantity.parse("1e3")
            Quantity.parse("1k") shouldNotBe Quantity.parse("1Ki")
        }

        test("adds, subtracts and multiplies, writing results canonically in the left operand's format") {
            (Quantity.parse("100m") + Quantity.parse("400m")).toString() shouldBe "500m"
            (Quantity.parse("1") + Quantity.parse("500m")).toString() shouldBe "1500m"
            (Quantity.parse("1Gi") - Quantity.parse("512Mi")).toString() shouldBe "512Mi"
            (Quantity.parse("1.5Gi") * 1).toString() shouldBe "1536Mi"
            (Quantity.parse("1Gi") + Quantity.parse("1")).toString() shouldBe "1073741825"
            (Quantity.parse("1e3") * 2).toString() shouldBe "2e3"
            (Quantity.parse("2k") * 3).toString() shouldBe "6k"
            (-Quantity.parse("250m")).toString() shouldBe "-250m"
            (Quantity.parse("1") - Quantity.parse("1")).toString() shouldBe "0"
            Quantity.ofMillis(250).toString() shouldBe "250m"
            Quantity.of(BigDecimal("0.0000000015")).toString() shouldBe "2n"
        }

        test("rounds up to whole units and millis like Go's Value and MilliValue") {
            Quantity.parse("100m").toLong() shouldBe 1
            Quantity.parse("1.5").toMillis() shouldBe 1500
            Quantity.parse("2Ki").toLong() shouldBe 2048
        }

        test("keeps the original text on output even when it is not canonical") {
            val c = Container.TYPE.decode("""{"resources":{"limits":{"cpu":"0.5","memory":"1024Mi"},"requests":{"cpu":"1e3m"}}}""")
            c.resources!!.limits!!["cpu"]!!.value.compareTo(BigDecimal("0.5")) shouldBe 0
            c.toJson() shouldBe """{"resources":{"limits":{"cpu":"0.5","memory":"1024Mi"},"requests":{"cpu":"1e3m"}}}"""
        }

        test("accepts a bare JSON number as Go does, writing it as a string") {
            val c = Container.TYPE.decode("""{"resources":{"limits":{"cpu":2}}}""")
            c.resources!!.limits!!["cpu"] shouldBe Quantity.parse("2")
            c.toJson() shouldBe """{"resources":{"limits":{"cpu":"2"}}}"""
        }

        test("rejects text that is not a quantity with a clear message") {
            shouldThrow<IllegalArgumentException> { Quantity.parse("12 apples") }.message shouldContain "'12 apples' is not a Kubernetes quantity"
            shouldThrow<IllegalArgumentException> { Quantity.parse("Gi") }
            shouldThrow<IllegalArgumentException> { Quantity.parse("1e") }
        }
    }

    context("IntOrString") {
        test("keeps an integer and a string apart and writes each as it came") {
            val p = ServicePort.TYPE.decode("""{"port":80,"targetPort":8080}""")
            p.targetPort!!.isInt shouldBe true
            p.targetPort!!.intValue shouldBe 8080
            val q = ServicePort.TYPE.decode("""{"port":80,"targetPort":"http"}""")
            q.targetPort!!.isInt shouldBe false
            q.targetPort!!.stringValue shouldBe "http"
            q.toJson() shouldBe """{"port":80,"targetPort":"http"}"""
            IntOrString.of(8080) shouldNotBe IntOrString.of("8080")
            shouldThrow<IllegalStateException> { q.targetPort!!.intValue }
        }

        test("scales percentages against a total, rounding as asked") {
            IntOrString.of("50%").scaledValue(5, roundUp = true) shouldBe 3
            IntOrString.of("50%").scaledValue(5, roundUp = false) shouldBe 2
            IntOrString.of(2).scaledValue(5, roundUp = true) shouldBe 2
            shouldThrow<IllegalArgumentException> { IntOrString.of("x").scaledValue(5, true) }
        }
    }

    context("Time and MicroTime") {
        test("Time reads as an Instant and is written with whole seconds") {
            val m = ObjectMeta.TYPE.decode("""{"creationTimestamp":"2026-11-22T12:57:35Z"}""")
            m.creationTimestamp shouldBe Instant.parse("2026-11-22T12:57:35Z")
            m.toJson() shouldBe """{"creationTimestamp":"2026-11-22T12:57:35Z"}"""
        }

        test("Time accepts offsets and fractions and writes UTC seconds as the server does") {
            val m = ObjectMeta.TYPE.decode("""{"creationTimestamp":"2026-11-22T14:57:35.9+02:00"}""")
            m.creationTimestamp shouldBe Instant.parse("2026-11-22T12:57:35.900Z")
            m.toJson() shouldBe """{"creationTimestamp":"2026-11-22T12:57:35Z"}"""
        }

        test("MicroTime keeps six fraction digits") {
            val text = """{"spec":{"acquireTime":"2026-11-22T12:57:35.000000Z","renewTime":"2026-11-22T12:57:35.123456Z"}}"""
            val lease = Lease.TYPE.decode(text)
            lease.spec!!.renewTime shouldBe Instant.parse("2026-11-22T12:57:35.123456Z")
            lease.toJson() shouldBe text
            val built = Lease { spec { renewTime = Instant.parse("2026-11-22T12:57:35.123456789Z") } }
            built.toJson() shouldBe """{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","spec":{"renewTime":"2026-11-22T12:57:35.123456Z"}}"""
        }

        test("dates across leap years, centuries and the epoch round trip") {
            for (t in listOf("1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "1969-12-31T23:59:59Z", "2100-03-01T00:00:00Z", "0001-01-01T00:00:00Z")) {
                val m = ObjectMeta.TYPE.decode("""{"creationTimestamp":"$t"}""")
                m.creationTimestamp shouldBe Instant.parse(t)
                m.toJson() shouldBe """{"creationTimestamp":"$t"}"""
            }
        }

        test("a malformed time is an error naming the field") {
            val e = shouldThrow<SerializationException> { ObjectMeta.TYPE.decode("""{"creationTimestamp":"2026-13-45T00:00:00Z"}""") }
            e.message shouldContain "$.creationTimestamp"
            e.message shouldContain "RFC 3339"
        }
    }

    context("FieldsV1") {
        test("is kept as text, parsed on demand and compared by content") {
            val text = """{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}"""
            val entry = io.kubekt.api.meta.v1.ManagedFieldsEntry.TYPE.decode("""{"fieldsV1":$text}""")
            entry.fieldsV1.toString() shouldBe text
            entry.fieldsV1!!.json.jsonObject.keys shouldBe setOf("f:metadata")
            FieldsV1.parse(" { \"f:metadata\" : {\"f:labels\":{\".\":{},\"f:app\":{}}} } ") shouldBe entry.fieldsV1
            FieldsV1.of(buildJsonObject { put("f:spec", buildJsonObject {}) }).toString() shouldBe """{"f:spec":{}}"""
        }
    }

    context("numbers") {
        test("doubles are written as Go writes them") {
            val props = io.kubekt.api.apiextensions.v1.JSONSchemaProps.TYPE.decode("""{"minimum":1.0,"maximum":1e21,"multipleOf":1e-7}""")
            props.minimum shouldBe 1.0
            props.toJson() shouldBe """{"minimum":1,"maximum":1e+21,"multipleOf":1e-7}"""
            io.kubekt.api.apiextensions.v1.JSONSchemaProps { minimum = 0.25; maximum = -12345.5 }.toJson() shouldBe
                """{"maximum":-12345.5,"minimum":0.25}"""
        }

        test("64-bit integers keep their full range") {
            val spec = io.kubekt.api.core.v1.PodSpec.TYPE.decode("""{"activeDeadlineSeconds":9223372036854775807,"terminationGracePeriodSeconds":-9223372036854775808}""")
            spec.activeDeadlineSeconds shouldBe Long.MAX_VALUE
            spec.terminationGracePeriodSeconds shouldBe Long.MIN_VALUE
            spec.toJson() shouldBe """{"activeDeadlineSeconds":9223372036854775807,"terminationGracePeriodSeconds":-9223372036854775808}"""
            shouldThrow<SerializationException> { io.kubekt.api.core.v1.PodSpec.TYPE.decode("""{"activeDeadlineSeconds":9223372036854775808}""") }
        }
    }

    context("free-form JSON") {
        test("keeps number literals exactly as written") {
            val text = """{"spec":{"versions":[{"schema":{"openAPIV3Schema":{"default":{"a":1.50,"b":1e3,"c":-0,"d":[true,null]}}}}]}}"""
            val crd = io.kubekt.api.apiextensions.v1.CustomResourceDefinition.TYPE.decode(text)
            crd.toJson() shouldBe text
            val default = crd.spec!!.versions!![0].schema!!.openAPIV3Schema!!.default!!.jsonObject
            (default["a"] as JsonPrimitive).content shouldBe "1.50"
            (default["b"] as JsonPrimitive).content shouldBe "1e3"
        }
    }
})
