package io.kubekt.conformance.informer

import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.api.GroupVersionResource
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.Pod
import io.kubekt.api.meta.v1.PartialObjectMetadata
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.informer.informers
import io.kubekt.request.LabelSelector
import io.kubekt.request.ListOptions
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.jsonObject
import kotlin.time.Duration.Companion.seconds

/** A metadata-only informer over ConfigMaps caches names, labels and resourceVersions, no data, and follows creates and deletes. */
class MetadataInformerSpec : ConformanceSpec({
    val gvr = GroupVersionResource("", "v1", "configmaps")
    val configMaps = client.coreV1().configMaps(namespace)
    val selector = "kubekt-metadata-informer=yes"

    fun configMap(name: String) = ConfigMap {
        metadata { this.name = name; labels = mapOf("kubekt-metadata-informer" to "yes", "name" to name) }
        data = mapOf("payload" to "x".repeat(1_000))
    }

    suspend fun eventually(what: String, check: suspend () -> Boolean) {
        try {
            withTimeout(30.seconds) { while (!check()) delay(50) }
        } catch (e: kotlinx.coroutines.TimeoutCancellationException) {
            throw AssertionError("not within 30s: $what", e)
        }
    }

    test("holds the names, labels and resourceVersions of the server's objects without their data, and follows create and delete") {
        configMaps.create(configMap("md-1"))
        configMaps.create(configMap("md-2"))
        val scope = CoroutineScope(Job() + Dispatchers.IO)
        try {
            val informers = client.informers()
            val informer = informers.metadataInformer(gvr, namespace, LabelSelector.parse(selector))
            informers.metadataInformer(gvr, namespace, LabelSelector.parse(selector)) shouldBe informer
            informers.metadataInformer(ConfigMap.RESOURCE, namespace, LabelSelector.parse(selector)) shouldBe informer
            informers.start(scope)
            withTimeout(30.seconds) { informers.awaitSynced() }
            suspend fun serverState() = configMaps.list(ListOptions(labelSelector = selector)).items
                .associate { it.metadata!!.name!! to it.metadata!!.resourceVersion }
            fun cacheState() = informer.lister().namespace(namespace).list().associate { it.metadata!!.name!! to it.metadata!!.resourceVersion }

            cacheState() shouldBe serverState()
            // the server sends managedFields (creates record an Update entry); the cache has none
            client.metadata(gvr).namespace(namespace).list(ListOptions(labelSelector = selector)).items
                .forEach { it.metadata!!.managedFields.shouldNotBeNull() }
            val cached = informer.lister().namespace(namespace).list()
            cached.map { it.metadata!!.labels!!["name"] } shouldContainExactlyInAnyOrder listOf("md-1", "md-2")
            cached.forEach { obj ->
                PartialObjectMetadata.TYPE.encodeToJsonElement(obj).jsonObject.keys shouldNotContain "data"
                obj.metadata!!.managedFields shouldBe null
            }

            configMaps.create(configMap("md-3"))
            configMaps.delete("md-1")
            eventually("the cache follows the create and the delete") { cacheState() == serverState() }
            cacheState().keys shouldBe setOf("md-2", "md-3")
        } finally {
            scope.coroutineContext[Job]!!.cancelAndJoin()
        }
    }

    test("a model's ResourceType names the same metadata-only informer as its group, version and plural") {
        val informers = client.informers()
        informers.metadataInformer(Deployment.RESOURCE) shouldBe informers.metadataInformer(GroupVersionResource("apps", "v1", "deployments"))
        informers.metadataInformer(Pod.RESOURCE, "default") shouldBe informers.metadataInformer(GroupVersionResource.core("v1", "pods"), "default")
        informers.metadataInformer(Pod.RESOURCE) shouldNotBe informers.metadataInformer(Pod.RESOURCE, "default")
    }
})
