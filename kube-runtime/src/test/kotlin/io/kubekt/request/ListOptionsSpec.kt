package io.kubekt.request

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import java.net.URI
import java.net.URLDecoder

/** Decodes a rendered query string back into pairs, as a server would. */
private fun decodeQuery(pathAndQuery: String): List<Pair<String, String>> =
    URI.create("http://x$pathAndQuery").rawQuery.split('&').map {
        val (k, v) = it.split('=', limit = 2)
        URLDecoder.decode(k, Charsets.UTF_8) to URLDecoder.decode(v, Charsets.UTF_8)
    }

class ListOptionsSpec : FunSpec({
    test("every option renders under its API name, in a stable order; unset ones are left out") {
        ListOptions(
            labelSelector = "app=web", fieldSelector = "status.phase=Running", limit = 50, continueToken = "abc",
            resourceVersion = "100", resourceVersionMatch = ResourceVersionMatch.NOT_OLDER_THAN, timeoutSeconds = 30,
            allowWatchBookmarks = true, sendInitialEvents = false,
        ).toQuery() shouldBe listOf(
            "labelSelector" to "app=web", "fieldSelector" to "status.phase=Running", "resourceVersion" to "100",
            "resourceVersionMatch" to "NotOlderThan", "limit" to "50", "continue" to "abc", "timeoutSeconds" to "30",
            "allowWatchBookmarks" to "true", "sendInitialEvents" to "false",
        )
        ListOptions().toQuery() shouldBe emptyList()
        ListOptions(labelSelector = "", resourceVersion = "").toQuery() shouldBe emptyList()
        ListOptions(resourceVersion = "5", resourceVersionMatch = ResourceVersionMatch.EXACT).toQuery() shouldBe
            listOf("resourceVersion" to "5", "resourceVersionMatch" to "Exact")
    }

    context("selectors and tokens survive encoding: the server decodes exactly what was set") {
        withData(
            nameFn = { "selector '$it'" },
            "app in (a,b)",
            "!env",
            "app=web,tier!=db",
            "env notin (prod, staging),version",
            "a+b=c&d=%41 é",
        ) { selector ->
            val request = RequestBuilder(Verb.GET).resource("pods").params(ListOptions(labelSelector = selector)).build()
            decodeQuery(request.pathAndQuery()) shouldBe listOf("labelSelector" to selector)
        }
    }

    test("the rendered query uses %20 for spaces and escapes '+', '=', '&', '!', '(' and ','") {
        val request = RequestBuilder(Verb.GET).resource("pods")
            .params(ListOptions(labelSelector = "app in (a,b),!env", continueToken = "eyJ2Ijo+/x==")).build()
        request.pathAndQuery() shouldBe
            "/api/v1/pods?labelSelector=app%20in%20%28a%2Cb%29%2C%21env&continue=eyJ2Ijo%2B%2Fx%3D%3D"
    }

    test("a continue token with '=' and '+' round-trips") {
        val token = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTMzNTUsInN0YXJ0IjoicGFnZS0yXHUwMDAwIn0+a=="
        val request = RequestBuilder(Verb.GET).resource("configmaps").params(ListOptions(limit = 2, continueToken = token)).build()
        decodeQuery(request.pathAndQuery()) shouldBe listOf("limit" to "2", "continue" to token)
    }

    test("the Java builder and the Kotlin block make the same options as the constructor") {
        val byConstructor = ListOptions(labelSelector = "app=web", limit = 500, allowWatchBookmarks = true)
        ListOptions.builder().labelSelector("app=web").limit(500).allowWatchBookmarks(true).build() shouldBe byConstructor
        ListOptions { labelSelector = "app=web"; limit = 500; allowWatchBookmarks = true } shouldBe byConstructor
        byConstructor.toBuilder().build() shouldBe byConstructor
        byConstructor.hashCode() shouldBe ListOptions(labelSelector = "app=web", limit = 500, allowWatchBookmarks = true).hashCode()
    }

    test("toBuilder derives the next page without changing the original") {
        val first = ListOptions(limit = 2)
        val next = first.toBuilder().continueToken("tok").build()
        next.toQuery() shouldBe listOf("limit" to "2", "continue" to "tok")
        first.continueToken shouldBe null
    }

    test("invalid combinations are refused with the reason") {
        shouldThrow<IllegalArgumentException> { ListOptions(limit = -1) }.message shouldBe "limit must be >= 0, was -1"
        shouldThrow<IllegalArgumentException> { ListOptions(timeoutSeconds = -5) }.message shouldBe
            "timeoutSeconds must be >= 0, was -5"
        shouldThrow<IllegalArgumentException> { ListOptions(resourceVersionMatch = ResourceVersionMatch.EXACT) }.message shouldBe
            "resourceVersionMatch=Exact needs a resourceVersion"
        shouldThrow<IllegalArgumentException> {
            ListOptions(resourceVersionMatch = ResourceVersionMatch.NOT_OLDER_THAN, sendInitialEvents = false)
        }.message shouldBe "resourceVersionMatch=NotOlderThan needs a resourceVersion"
    }

    test("a WatchList may ask NotOlderThan without a resourceVersion: initial events from a consistent read") {
        ListOptions(sendInitialEvents = true, resourceVersionMatch = ResourceVersionMatch.NOT_OLDER_THAN).toQuery() shouldBe
            listOf("resourceVersionMatch" to "NotOlderThan", "sendInitialEvents" to "true")
    }

    test("toString lists what is set") {
        ListOptions(labelSelector = "app=web", limit = 5).toString() shouldBe "ListOptions(labelSelector=app=web, limit=5)"
    }

    test("labels and fields blocks inside the ListOptions block render as the server expects") {
        val options = ListOptions {
            limit = 50
            labels { "app" eq "web"; "tier" notIn setOf("db"); exists("env"); notExists("x"); "a" ne "b"; "c" `in` setOf("e", "d") }
            fields { "status.phase" eq "Running"; "metadata.name" ne "x" }
        }
        options.labelSelector shouldBe "app=web,tier notin (db),env,!x,a!=b,c in (d,e)"
        options.fieldSelector shouldBe "status.phase=Running,metadata.name!=x"
        val request = RequestBuilder(Verb.GET).resource("pods").params(options).build()
        decodeQuery(request.pathAndQuery()) shouldBe listOf(
            "labelSelector" to "app=web,tier notin (db),env,!x,a!=b,c in (d,e)",
            "fieldSelector" to "status.phase=Running,metadata.name!=x",
            "limit" to "50",
        )
    }

    test("an invalid label in a block fails while building the options, before any request") {
        shouldThrow<IllegalArgumentException> { ListOptions { limit = 5; labels { "app" eq "-web" } } }.message shouldBe
            "invalid label value \"-web\" for key \"app\": a value must be empty or must consist of alphanumerics, " +
            "'-', '_' or '.', and start and end with an alphanumeric ([A-Za-z0-9])"
    }

    test("selector objects set the same strings the string setters do, and a later selector replaces an earlier one") {
        val labels = LabelSelector.builder().eq("app", "web").exists("env").build()
        val fields = FieldSelector.builder().eq("status.phase", "Running").build()
        ListOptions.builder().labelSelector(labels).fieldSelector(fields).build() shouldBe
            ListOptions(labelSelector = "app=web,env", fieldSelector = "status.phase=Running")
        ListOptions { labelSelector = "old=1"; labels { exists("new") } }.labelSelector shouldBe "new"
        ListOptions { labels { } }.toQuery() shouldBe emptyList()
    }
})
