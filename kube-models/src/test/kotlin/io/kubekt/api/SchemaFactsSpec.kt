package io.kubekt.api

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.api.apps.v1.DeploymentList
import io.kubekt.api.core.v1.Container
import io.kubekt.api.core.v1.Namespace
import io.kubekt.api.core.v1.Pod
import io.kubekt.api.meta.v1.DeleteOptions
import io.kubekt.api.meta.v1.LabelSelector

class SchemaFactsSpec : FunSpec({
    test("containers merge by name and are a map list keyed by name") {
        val f = Pod.TYPE.fieldAt("spec.containers").shouldNotBeNull()
        f.patchStrategy shouldBe "merge"
        f.patchMergeKey shouldBe "name"
        f.listType shouldBe "map"
        f.listMapKeys shouldBe listOf("name")
        f.modelType shouldBeSameInstanceAs Container.TYPE
    }

    test("facts are found by kind and field path through lists and nested objects") {
        val deployment = GroupVersionKind("apps", "v1", "Deployment")
        BuiltinModels.fieldAt(deployment, "spec.template.spec.containers.ports")!!.listMapKeys shouldBe listOf("containerPort", "protocol")
        BuiltinModels.fieldAt(deployment, "spec.template.spec.volumes")!!.patchStrategy shouldBe "merge,retainKeys"
        BuiltinModels.fieldAt(deployment, "metadata.finalizers")!!.listType shouldBe "set"
        BuiltinModels.fieldAt(deployment, "spec.template.spec.nope").shouldBeNull()
        LabelSelector.TYPE.mapType shouldBe "atomic"
    }

    test("resources carry plural, scope, verbs and subresources from the spec's paths") {
        Deployment.RESOURCE.plural shouldBe "deployments"
        Deployment.RESOURCE.namespaced shouldBe true
        Deployment.RESOURCE.apiVersion shouldBe "apps/v1"
        Deployment.RESOURCE.verbs shouldBe listOf("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection")
        Deployment.RESOURCE.subresources shouldContainAll listOf("scale", "status")
        Deployment.RESOURCE.listType shouldBeSameInstanceAs DeploymentList.TYPE
        Namespace.RESOURCE.namespaced shouldBe false
        Namespace.RESOURCE.subresources shouldContain "finalize"
        io.kubekt.api.authentication.v1.TokenReview.RESOURCE.verbs shouldBe listOf("create")
    }

    test("the registry finds types by kind, class, resource and definition name") {
        BuiltinModels.modelTypes shouldHaveSize 763 // the spec's 761 plus the supplementary PartialObjectMetadata and PartialObjectMetadataList
        BuiltinModels.modelType(GroupVersionKind("", "v1", "Pod")) shouldBeSameInstanceAs Pod.TYPE
        BuiltinModels.modelType(GroupVersionKind("", "v1", "PodList")) shouldBeSameInstanceAs io.kubekt.api.core.v1.PodList.TYPE
        BuiltinModels.modelType(Pod::class.java) shouldBeSameInstanceAs Pod.TYPE
        BuiltinModels.modelType("io.k8s.api.core.v1.Pod") shouldBeSameInstanceAs Pod.TYPE
        BuiltinModels.resourceType("apps", "v1", "deployments") shouldBeSameInstanceAs Deployment.RESOURCE
        BuiltinModels.resourceType(Deployment::class.java) shouldBeSameInstanceAs Deployment.RESOURCE
        BuiltinModels.modelType(GroupVersionKind("batch", "v1", "DeleteOptions")) shouldBeSameInstanceAs DeleteOptions.TYPE
        BuiltinModels.resourceTypes.map { it.groupVersionKind }.toSet().size shouldBe BuiltinModels.resourceTypes.size
    }
})
