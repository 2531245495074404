package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.at
import io.kubekt.test.support.names
import io.kubekt.test.support.str
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject

/** The cases where collecting through an index of owners could differ from scanning every object. */
class GarbageCollectionSpec : FunSpec({
    val server = KubeTestServer.start()
    val client = TestClient(server)
    afterSpec { server.close() }
    val ns = "gc"
    Fixtures.namespace(client, ns)
    val cms = "/api/v1/namespaces/$ns/configmaps"
    val pods = "/api/v1/namespaces/$ns/pods"
    val deploys = "/apis/apps/v1/namespaces/$ns/deployments"
    val replicaSets = "/apis/apps/v1/namespaces/$ns/replicasets"

    fun ref(kind: String, name: String, uid: String?, apiVersion: String = "v1") =
        """{"apiVersion":"$apiVersion","kind":"$kind","name":"$name","uid":"$uid"}"""

    fun meta(name: String, refs: List<String>, finalizers: List<String>) =
        """"metadata":{"name":"$name","ownerReferences":[${refs.joinToString(",")}],"finalizers":[${finalizers.joinToString(",") { "\"$it\"" }}]}"""

    fun configMap(name: String, vararg refs: String, finalizers: List<String> = emptyList()) =
        client.post(cms, """{"apiVersion":"v1","kind":"ConfigMap",${meta(name, refs.toList(), finalizers)}}""")

    fun uid(path: String): String = client.get(path).json.str("metadata.uid")!!

    fun ownerUids(path: String): List<String>? =
        (client.get(path).json.at("metadata.ownerReferences") as? JsonArray)?.map { (it as JsonObject).str("uid")!! }

    fun deployment(name: String) = client.post(deploys, Fixtures.DEPLOYMENT.replace("\"name\":\"web\"}", "\"name\":\"$name\"}")).json.str("metadata.uid")!!

    fun replicaSet(name: String, ownerUid: String) = client.post(replicaSets,
        """{"apiVersion":"apps/v1","kind":"ReplicaSet",${meta(name, listOf(ref("Deployment", "d-$name", ownerUid, "apps/v1")), emptyList())},""" +
            """"spec":{"selector":{"matchLabels":{"rs":"$name"}},"template":{"metadata":{"labels":{"rs":"$name"}},"spec":{"containers":[{"name":"c","image":"busybox"}]}}}}""",
    ).json.str("metadata.uid")!!

    fun pod(name: String, ownerUid: String, finalizers: List<String> = emptyList()) = client.post(pods,
        """{"apiVersion":"v1","kind":"Pod",${meta(name, listOf(ref("ReplicaSet", "rs", ownerUid, "apps/v1")), finalizers)},"spec":{"containers":[{"name":"c","image":"busybox"}]}}""",
    ).code shouldBe 201

    test("an object whose only owner uid never existed is collected; one with another live owner only loses that reference") {
        configMap("never", ref("ConfigMap", "ghost", "00000000-0000-0000-0000-000000000001")).code shouldBe 201
        client.get("$cms/never").code shouldBe 404

        configMap("live-owner").code shouldBe 201
        val live = uid("$cms/live-owner")
        configMap("half", ref("ConfigMap", "ghost", "00000000-0000-0000-0000-000000000002"), ref("ConfigMap", "live-owner", live)).code shouldBe 201
        ownerUids("$cms/half") shouldBe listOf(live)
    }

    test("a dependent created after its owner was deleted is collected") {
        configMap("gone-owner").code shouldBe 201
        val gone = uid("$cms/gone-owner")
        client.delete("$cms/gone-owner").code shouldBe 200
        configMap("late", ref("ConfigMap", "gone-owner", gone)).code shouldBe 201
        client.get("$cms/late").code shouldBe 404
    }

    test("orphan deletion across two levels: the ReplicaSet loses its owner, its Pod keeps the ReplicaSet as owner") {
        val d = deployment("d-orphan")
        val rs = replicaSet("orphan", d)
        pod("orphan-pod", rs)
        client.delete("$deploys/d-orphan", """{"propagationPolicy":"Orphan"}""").code shouldBe 200
        client.get("$deploys/d-orphan").code shouldBe 404
        ownerUids("$replicaSets/orphan") shouldBe null
        ownerUids("$pods/orphan-pod") shouldBe listOf(rs)

        client.delete("$replicaSets/orphan").code shouldBe 200
        client.get("$pods/orphan-pod").code shouldBe 404
    }

    test("foreground deletion across two levels waits for the Pod, then removes the ReplicaSet, then the Deployment") {
        val d = deployment("d-fg")
        val rs = replicaSet("fg", d)
        pod("fg-pod", rs, listOf("example.com/hold"))
        client.delete("$deploys/d-fg", """{"propagationPolicy":"Foreground"}""").code shouldBe 200
        client.get("$deploys/d-fg").json.str("metadata.finalizers.0") shouldBe "foregroundDeletion"
        val heldRs = client.get("$replicaSets/fg").json
        heldRs.str("metadata.deletionTimestamp") shouldNotBe null
        heldRs.str("metadata.finalizers.0") shouldBe "foregroundDeletion"
        client.get("$pods/fg-pod").json.str("metadata.deletionTimestamp") shouldNotBe null

        client.patch("$pods/fg-pod", """{"metadata":{"finalizers":null}}""").code shouldBe 200
        client.get("$pods/fg-pod").code shouldBe 404
        client.get("$replicaSets/fg").code shouldBe 404
        client.get("$deploys/d-fg").code shouldBe 404
    }

    test("an owner recreated with the same name and a new uid does not adopt the old one's dependents") {
        configMap("reborn").code shouldBe 201
        val first = uid("$cms/reborn")
        configMap("old-dep", ref("ConfigMap", "reborn", first), finalizers = listOf("example.com/hold")).code shouldBe 201
        client.delete("$cms/reborn").code shouldBe 200
        client.get("$cms/old-dep").json.str("metadata.deletionTimestamp") shouldNotBe null

        configMap("reborn").code shouldBe 201
        val second = uid("$cms/reborn")
        second shouldNotBe first
        client.delete("$cms/reborn", """{"propagationPolicy":"Foreground"}""").code shouldBe 200
        client.get("$cms/reborn").code shouldBe 404
        ownerUids("$cms/old-dep") shouldBe listOf(first)

        configMap("late-dep", ref("ConfigMap", "reborn", first)).code shouldBe 201
        client.get("$cms/late-dep").code shouldBe 404
        client.patch("$cms/old-dep", """{"metadata":{"finalizers":null}}""").code shouldBe 200
        client.get("$cms/old-dep").code shouldBe 404
    }

    test("ownerReferences added or removed by an update are followed") {
        configMap("editor").code shouldBe 201
        val owner = uid("$cms/editor")
        configMap("adopted").code shouldBe 201
        configMap("released", ref("ConfigMap", "editor", owner)).code shouldBe 201
        client.patch("$cms/adopted", """{"metadata":{"ownerReferences":[${ref("ConfigMap", "editor", owner)}]}}""").code shouldBe 200
        client.patch("$cms/released", """{"metadata":{"ownerReferences":null}}""").code shouldBe 200

        client.delete("$cms/editor").code shouldBe 200
        client.get("$cms/adopted").code shouldBe 404
        client.get("$cms/released").code shouldBe 200
    }

    test("an update pointing the only ownerReference at a missing uid gets the object collected") {
        configMap("anchor").code shouldBe 201
        configMap("moved", ref("ConfigMap", "anchor", uid("$cms/anchor"))).code shouldBe 201
        client.patch("$cms/moved", """{"metadata":{"ownerReferences":[${ref("ConfigMap", "anchor", "00000000-0000-0000-0000-000000000003")}]}}""").code shouldBe 200
        client.get("$cms/moved").code shouldBe 404
        client.get("$cms/anchor").code shouldBe 200
    }

    test("a foreground delete of an owner whose dependent dropped its reference completes at once") {
        configMap("fg-editor").code shouldBe 201
        val owner = uid("$cms/fg-editor")
        configMap("fg-left", ref("ConfigMap", "fg-editor", owner), finalizers = listOf("example.com/hold")).code shouldBe 201
        client.patch("$cms/fg-left", """{"metadata":{"ownerReferences":null}}""").code shouldBe 200
        client.delete("$cms/fg-editor", """{"propagationPolicy":"Foreground"}""").code shouldBe 200
        client.get("$cms/fg-editor").code shouldBe 404
        client.get("$cms/fg-left").json.str("metadata.deletionTimestamp") shouldBe null
        client.patch("$cms/fg-left", """{"metadata":{"finalizers":null}}""").code shouldBe 200
    }

    test("a deleted default ServiceAccount or kube-root-ca.crt comes back; a recreated namespace gets both again") {
        client.delete("/api/v1/namespaces/$ns/serviceaccounts/default").code shouldBe 200
        client.get("/api/v1/namespaces/$ns/serviceaccounts/default").code shouldBe 200
        client.delete("$cms/kube-root-ca.crt").code shouldBe 200
        client.get("$cms/kube-root-ca.crt").code shouldBe 200

        Fixtures.namespace(client, "gc-again")
        client.delete("/api/v1/namespaces/gc-again").code shouldBe 200
        client.get("/api/v1/namespaces/gc-again").code shouldBe 404
        Fixtures.namespace(client, "gc-again")
        client.get("/api/v1/namespaces/gc-again/serviceaccounts").json.names() shouldBe listOf("default")
        client.get("/api/v1/namespaces/gc-again/configmaps").json.names() shouldBe listOf("kube-root-ca.crt")
    }
})
