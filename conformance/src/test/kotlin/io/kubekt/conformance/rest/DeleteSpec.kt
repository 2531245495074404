package io.kubekt.conformance.rest

import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.ConfigMapList
import io.kubekt.api.meta.v1.Status
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.configMapJson
import io.kubekt.conformance.support.eventually
import io.kubekt.conformance.support.podJson
import io.kubekt.conformance.support.str
import io.kubekt.error.ApiException
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType

/** Delete: answers, preconditions, grace periods, finalizers, garbage collection, deletecollection (transcripts 39-45). */
class DeleteSpec : ConformanceSpec({
    fun configMaps() = rest.get().namespace(namespace).resource("configmaps")
    suspend fun create(name: String, labels: Map<String, String> = emptyMap(), finalizers: List<String> = emptyList()) =
        rest.post().namespace(namespace).resource("configmaps").body(configMapJson(name, labels, finalizers = finalizers)).execute<ConfigMap>()
    suspend fun getOrNull(name: String): ConfigMap? = try {
        configMaps().name(name).execute<ConfigMap>()
    } catch (e: ApiException) {
        if (e.isNotFound) null else throw e
    }
    suspend fun owned(name: String, owner: ConfigMap) = rest.post().namespace(namespace).resource("configmaps").body(
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"$name","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap",""" +
            """"name":"${owner.metadata!!.name}","uid":"${owner.metadata!!.uid}"}]}}""",
    ).execute<ConfigMap>()

    test("deleting an object without finalizers answers a Success Status naming it (transcript 44)") {
        val created = create("gone")
        val status = rest.delete().namespace(namespace).resource("configmaps").name("gone").execute<Status>()
        status.kind shouldBe "Status"
        status.status shouldBe "Success"
        status.details!!.name shouldBe "gone"
        status.details!!.kind shouldBe "configmaps"
        status.details!!.uid shouldBe created.metadata!!.uid
        getOrNull("gone") shouldBe null
    }

    test("deleting a missing object is 404 NotFound") {
        val e = apiError { rest.delete().namespace(namespace).resource("configmaps").name("never").executeJson() }
        e.code shouldBe 404
        e.status.message shouldBe "configmaps \"never\" not found"
    }

    test("a uid precondition that does not match is 409 Conflict and keeps the object (transcript 43)") {
        val created = create("guarded")
        val e = apiError {
            rest.delete().namespace(namespace).resource("configmaps").name("guarded")
                .body("""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"00000000-0000-0000-0000-000000000000"}}""").executeJson()
        }
        e.code shouldBe 409
        e.reason shouldBe "Conflict"
        e.status.message shouldBe "Operation cannot be fulfilled on ConfigMap \"guarded\": the UID in the precondition " +
            "(00000000-0000-0000-0000-000000000000) does not match the UID in record (${created.metadata!!.uid}). " +
            "The object might have been deleted and then recreated"
        e.status.details!!.kind shouldBe "ConfigMap"
        getOrNull("guarded") shouldNotBe null
    }

    test("a resourceVersion precondition that does not match is 409 Conflict; a matching one deletes") {
        val created = create("versioned")
        val e = apiError {
            rest.delete().namespace(namespace).resource("configmaps").name("versioned")
                .body("""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"resourceVersion":"1"}}""").executeJson()
        }
        e.code shouldBe 409
        e.status.message!! shouldStartWith "Operation cannot be fulfilled on ConfigMap \"versioned\": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${created.metadata!!.resourceVersion})"
        rest.delete().namespace(namespace).resource("configmaps").name("versioned")
            .body("""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"${created.metadata!!.uid}","resourceVersion":"${created.metadata!!.resourceVersion}"}}""")
            .executeJson()
        getOrNull("versioned") shouldBe null
    }

    test("finalizers keep a deleted object with deletionTimestamp until they are removed (transcripts 39-42)") {
        create("fin", finalizers = listOf("example.com/hold"))
        val deleting = rest.delete().namespace(namespace).resource("configmaps").name("fin").execute<ConfigMap>()
        deleting.metadata!!.deletionTimestamp shouldNotBe null
        deleting.metadata!!.deletionGracePeriodSeconds shouldBe 0L
        deleting.metadata!!.finalizers shouldContainExactly listOf("example.com/hold")

        val updated = rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("fin").body("""{"data":{"still":"writable"}}""").execute<ConfigMap>()
        updated.data shouldBe mapOf("still" to "writable")

        val e = apiError {
            rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("fin")
                .body("""{"metadata":{"finalizers":["example.com/hold","example.com/new"]}}""").executeJson()
        }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
        e.status.message shouldBe "ConfigMap \"fin\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object " +
            "is being deleted, found new finalizers []string{\"example.com/new\"}"
        e.status.details!!.causes!!.first().reason shouldBe "FieldValueForbidden"
        e.status.details!!.causes!!.first().field shouldBe "metadata.finalizers"

        rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("fin").body("""{"metadata":{"finalizers":null}}""").executeJson()
        eventually<Any>("the finalized object to disappear") { if (getOrNull("fin") == null) true else null }
    }

    test("gracePeriodSeconds starts a graceful deletion of a pod; 0 deletes it at once") {
        rest.post().namespace(namespace).resource("pods").body(podJson("graceful", "conformance-no-such-node")).executeJson()
        val terminating = rest.delete().namespace(namespace).resource("pods").name("graceful").param("gracePeriodSeconds", "30").executeJson()
        terminating.str("metadata.deletionTimestamp") shouldNotBe null
        terminating.str("metadata.deletionGracePeriodSeconds") shouldBe "30"
        rest.delete().namespace(namespace).resource("pods").name("graceful").param("gracePeriodSeconds", "0").executeJson()
        eventually<Any>("the pod to be gone") {
            try {
                rest.get().namespace(namespace).resource("pods").name("graceful").executeJson(); null
            } catch (e: ApiException) {
                if (e.isNotFound) true else throw e
            }
        }
    }

    test("background propagation deletes the owner at once and its dependents after") {
        val owner = create("owner-bg")
        owned("dep-bg", owner)
        rest.delete().namespace(namespace).resource("configmaps").name("owner-bg").param("propagationPolicy", "Background").executeJson()
        getOrNull("owner-bg") shouldBe null
        eventually<Any>("the garbage collector to delete the dependent") { if (getOrNull("dep-bg") == null) true else null }
    }

    test("foreground propagation keeps the owner with the foregroundDeletion finalizer until its dependents are gone") {
        val owner = create("owner-fg")
        owned("dep-fg", owner)
        val deleting = rest.delete().namespace(namespace).resource("configmaps").name("owner-fg").param("propagationPolicy", "Foreground").execute<ConfigMap>()
        deleting.metadata!!.deletionTimestamp shouldNotBe null
        deleting.metadata!!.finalizers shouldContainExactly listOf("foregroundDeletion")
        eventually<Any>("the dependent and then the owner to be deleted") {
            if (getOrNull("dep-fg") == null && getOrNull("owner-fg") == null) true else null
        }
    }

    test("orphan propagation deletes the owner and leaves its dependents without the owner reference") {
        val owner = create("owner-or")
        owned("dep-or", owner)
        rest.delete().namespace(namespace).resource("configmaps").name("owner-or").param("propagationPolicy", "Orphan").executeJson()
        eventually<Any>("the owner to be deleted") { if (getOrNull("owner-or") == null) true else null }
        val orphan = eventually("the dependent to lose its owner reference") { getOrNull("dep-or")?.takeIf { it.metadata!!.ownerReferences.isNullOrEmpty() } }
        orphan.metadata!!.name shouldBe "dep-or"
    }

    test("an unknown propagationPolicy is 422 Invalid") {
        create("policy")
        val e = apiError { rest.delete().namespace(namespace).resource("configmaps").name("policy").param("propagationPolicy", "Sometimes").executeJson() }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
        e.status.message shouldBe "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"Sometimes\": " +
            "supported values: \"Foreground\", \"Background\", \"Orphan\""
    }

    test("delete with dryRun=All changes nothing") {
        create("dry-delete")
        rest.delete().namespace(namespace).resource("configmaps").name("dry-delete").param("dryRun", "All").executeJson()
        getOrNull("dry-delete") shouldNotBe null
    }

    test("deletecollection deletes the selected objects and answers them as a list (transcript 45)") {
        create("batch-1", mapOf("batch" to "x"))
        create("batch-2", mapOf("batch" to "x"))
        create("kept", mapOf("batch" to "y"))
        val answer = rest.delete().namespace(namespace).resource("configmaps").params(ListOptions(labelSelector = "batch=x")).execute<ConfigMapList>()
        answer.kind shouldBe "ConfigMapList"
        answer.items.map { it.metadata!!.name!! }.sorted() shouldContainExactly listOf("batch-1", "batch-2")
        configMaps().params(ListOptions(labelSelector = "batch")).execute<ConfigMapList>().items.map { it.metadata!!.name } shouldContainExactly listOf("kept")
    }
})
