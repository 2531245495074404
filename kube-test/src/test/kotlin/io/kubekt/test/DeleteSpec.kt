package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.Fixtures.CM
import io.kubekt.test.support.Fixtures.NS
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.Transcripts
import io.kubekt.test.support.at
import io.kubekt.test.support.names
import io.kubekt.test.support.replacing
import io.kubekt.test.support.str

class DeleteSpec : FunSpec({
    val server = KubeTestServer.start()
    val client = TestClient(server)
    afterSpec { server.close() }
    Fixtures.namespace(client)

    test("a finalizer keeps a deleted object with deletionTimestamp; no new finalizer may be added; removing the last deletes it") {
        val created = client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fin","finalizers":["example.com/hold"]}}""")
        created.code shouldBe 201
        val deleting = client.delete("$CM/fin")
        deleting.code shouldBe 200
        deleting.json.str("kind") shouldBe "ConfigMap"
        deleting.json.str("metadata.deletionTimestamp") shouldNotBe null
        deleting.json.str("metadata.deletionGracePeriodSeconds") shouldBe "0"
        client.get("$CM/fin").code shouldBe 200

        val labelled = client.patch("$CM/fin", """{"metadata":{"labels":{"still":"updatable"}}}""")
        labelled.code shouldBe 200

        val added = client.patch("$CM/fin", """{"metadata":{"finalizers":["example.com/hold","example.com/new"]}}""")
        added.code shouldBe 422
        added.json shouldBe Transcripts.status("41-add-finalizer-after-deletion")

        val removed = client.patch("$CM/fin", """{"metadata":{"finalizers":null}}""")
        removed.code shouldBe 200
        removed.json.at("metadata.finalizers") shouldBe null
        client.get("$CM/fin").code shouldBe 404
    }

    test("marking an object with a generation for deletion bumps its generation") {
        val body = Fixtures.DEPLOYMENT.replace("\"name\":\"web\"}", "\"name\":\"held-web\",\"finalizers\":[\"example.com/hold\"]}")
        client.post(Fixtures.DEPLOY, body).json.str("metadata.generation") shouldBe "1"
        client.delete("${Fixtures.DEPLOY}/held-web").json.str("metadata.generation") shouldBe "2"
        client.patch("${Fixtures.DEPLOY}/held-web", """{"metadata":{"finalizers":null}}""").code shouldBe 200
    }

    test("a uid precondition that does not match is 409 Conflict as recorded") {
        val uid = Fixtures.createConfigMap(client, "cm1").json.str("metadata.uid")!!
        val reply = client.delete("$CM/cm1", """{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"00000000-0000-0000-0000-000000000000"}}""")
        reply.code shouldBe 409
        reply.json shouldBe Transcripts.status("43-delete-precondition-uid-mismatch").replacing("a9661791-636b-41f4-9622-cb175203af30", uid)
    }

    test("a resourceVersion precondition that does not match is 409 Conflict") {
        val reply = client.delete("$CM/cm1", """{"preconditions":{"resourceVersion":"1"}}""")
        reply.code shouldBe 409
        reply.json.str("reason") shouldBe "Conflict"
        reply.json.str("message")!!.contains("the ResourceVersion in the precondition (1) does not match") shouldBe true
    }

    test("an immediate delete answers a Success Status naming the object, as recorded") {
        val uid = client.get("$CM/cm1").json.str("metadata.uid")!!
        val reply = client.delete("$CM/cm1")
        reply.code shouldBe 200
        reply.json shouldBe Transcripts.status("44-delete-returns-status-or-object").replacing("a9661791-636b-41f4-9622-cb175203af30", uid)
        client.get("$CM/cm1").code shouldBe 404
    }

    test("deleting a missing object is 404") {
        client.delete("$CM/never").code shouldBe 404
    }

    test("deletecollection deletes what the selector matches and returns it as a list") {
        (1..3).forEach { Fixtures.createConfigMap(client, "page-$it", mapOf("app" to "page")) }
        Fixtures.createConfigMap(client, "other", mapOf("app" to "else"))
        val reply = client.delete("$CM?labelSelector=app%3Dpage")
        reply.code shouldBe 200
        reply.json.str("kind") shouldBe "ConfigMapList"
        reply.json.names() shouldBe listOf("page-1", "page-2", "page-3")
        client.get("$CM?labelSelector=app").json.names() shouldBe listOf("other")
    }

    test("dryRun=All on delete keeps the object") {
        client.delete("$CM/other?dryRun=All").code shouldBe 200
        client.get("$CM/other").code shouldBe 200
    }

    test("a scheduled Pod is deleted gracefully; an unscheduled one at once, answering the Pod") {
        val pods = "/api/v1/namespaces/$NS/pods"
        client.post(pods, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p1"},"spec":{"nodeName":"n1","containers":[{"name":"c","image":"i"}]}}""").code shouldBe 201
        val graceful = client.delete("$pods/p1")
        graceful.json.str("kind") shouldBe "Pod"
        graceful.json.str("metadata.deletionGracePeriodSeconds") shouldBe "30"
        client.get("$pods/p1").code shouldBe 200
        client.delete("$pods/p1?gracePeriodSeconds=0").code shouldBe 200
        client.get("$pods/p1").code shouldBe 404

        client.post(pods, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p2"},"spec":{"containers":[{"name":"c","image":"i"}]}}""").code shouldBe 201
        val immediate = client.delete("$pods/p2")
        immediate.json.str("kind") shouldBe "Pod"
        client.get("$pods/p2").code shouldBe 404
    }

    test("a deleted namespace is Terminating until its contents are gone, and refuses new content as recorded") {
        Fixtures.namespace(client, "doomed")
        client.post("/api/v1/namespaces/doomed/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"held","finalizers":["example.com/hold"]}}""").code shouldBe 201
        val deleting = client.delete("/api/v1/namespaces/doomed")
        deleting.code shouldBe 200
        deleting.json.str("status.phase") shouldBe "Terminating"
        deleting.json.str("metadata.deletionTimestamp") shouldNotBe null
        client.get("/api/v1/namespaces/doomed").json.str("status.phase") shouldBe "Terminating"

        val late = client.post("/api/v1/namespaces/doomed/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"late2"}}""")
        late.code shouldBe 403
        late.json shouldBe (Transcripts.status("55-create-in-terminating-namespace").replacing("transcripts", "doomed"))

        client.get("/api/v1/namespaces/doomed/configmaps").json.names() shouldBe listOf("held")
        client.patch("/api/v1/namespaces/doomed/configmaps/held", """{"metadata":{"finalizers":null}}""").code shouldBe 200
        client.get("/api/v1/namespaces/doomed").code shouldBe 404
    }

    test("garbage collection: background deletes dependents, orphan keeps them without the owner reference") {
        val owner = Fixtures.createConfigMap(client, "owner").json
        val ref = """{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"${owner.str("metadata.uid")}"}"""
        client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dep","ownerReferences":[$ref]}}""").code shouldBe 201
        client.delete("$CM/owner").code shouldBe 200
        client.get("$CM/dep").code shouldBe 404

        val owner2 = Fixtures.createConfigMap(client, "owner2").json
        val ref2 = """{"apiVersion":"v1","kind":"ConfigMap","name":"owner2","uid":"${owner2.str("metadata.uid")}"}"""
        client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dep2","ownerReferences":[$ref2]}}""").code shouldBe 201
        val orphaning = client.delete("$CM/owner2", """{"propagationPolicy":"Orphan"}""")
        orphaning.json.str("metadata.finalizers.0") shouldBe "orphan"
        client.get("$CM/owner2").code shouldBe 404
        val dep2 = client.get("$CM/dep2")
        dep2.code shouldBe 200
        dep2.json.at("metadata.ownerReferences") shouldBe null
    }

    test("garbage collection: foreground keeps the owner until its dependents are gone") {
        val owner = Fixtures.createConfigMap(client, "fg-owner").json
        val ref = """{"apiVersion":"v1","kind":"ConfigMap","name":"fg-owner","uid":"${owner.str("metadata.uid")}","blockOwnerDeletion":true}"""
        client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fg-dep","finalizers":["example.com/hold"],"ownerReferences":[$ref]}}""").code shouldBe 201
        val deleting = client.delete("$CM/fg-owner?propagationPolicy=Foreground")
        deleting.json.str("metadata.finalizers.0") shouldBe "foregroundDeletion"
        client.get("$CM/fg-owner").code shouldBe 200
        client.get("$CM/fg-dep").json.str("metadata.deletionTimestamp") shouldNotBe null
        client.patch("$CM/fg-dep", """{"metadata":{"finalizers":null}}""").code shouldBe 200
        client.get("$CM/fg-dep").code shouldBe 404
        client.get("$CM/fg-owner").code shouldBe 404
    }

    test("a dependent whose owner never existed is collected") {
        val ref = """{"apiVersion":"v1","kind":"ConfigMap","name":"ghost","uid":"11111111-2222-3333-4444-555555555555"}"""
        client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"orphaned","ownerReferences":[$ref]}}""").code shouldBe 201
        client.get("$CM/orphaned").code shouldBe 404
    }
})

