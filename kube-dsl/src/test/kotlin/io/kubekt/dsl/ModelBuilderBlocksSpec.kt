package io.kubekt.dsl

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.api.apps.v1.deployment
import io.kubekt.api.core.v1.pod

class ModelBuilderBlocksSpec : FunSpec({
    test("the call site from the design builds a deployment and a scaled copy") {
        val web = deployment {
            metadata { name = "web"; labels("app" to "web") }
            spec {
                replicas = 3; selector { matchLabels("app" to "web") }
                template { metadata { labels("app" to "web") }; spec { container { name = "web"; image = "nginx:1.27" } } }
            }
        }
        val scaled = web.edit { spec { replicas = 5 } }
        web.spec?.replicas shouldBe 3
        scaled.spec?.replicas shouldBe 5
        scaled.spec?.template?.spec?.containers?.single()?.image shouldBe "nginx:1.27"
        scaled.toJson() shouldBe """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},""" +
            """"spec":{"replicas":5,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},""" +
            """"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}"""
    }

    test("pod entry function sets apiVersion and kind") {
        val p = pod { metadata { name = "web" }; spec { container { name = "app"; image = "nginx" } } }
        p.apiVersion shouldBe "v1"
        p.kind shouldBe "Pod"
        p.spec?.containers?.single()?.name shouldBe "app"
    }
})
