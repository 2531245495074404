package io.kubekt.client

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.request.ListOptions
import io.kubekt.request.RequestBuilder
import io.kubekt.request.Verb

class RequestLogSpec : FunSpec({
    test("a log line names method and path only: no query, header or body") {
        val request = RequestBuilder(Verb.CREATE).namespace("a").resource("secrets")
            .params(ListOptions(labelSelector = "owner=alice"))
            .header("Authorization", "Bearer s3cret-token")
            .body("""{"data":{"password":"aHVudGVyMg=="}}""")
            .build()
        RequestLog.describe(request) shouldBe "POST /api/v1/namespaces/a/secrets"
    }
})
