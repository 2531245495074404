package io.kubekt.codegen

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.maps.shouldContainKey
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import java.nio.file.Files
import java.nio.file.Path

/** A server's /openapi/v2 for one CRD: inline schemas, int-or-string, preserve-unknown-fields. */
private val CRD_SPEC = """
{
  "swagger": "2.0",
  "paths": {
    "/apis/example.com/v1/namespaces/{namespace}/widgets": {
      "get": {"x-kubernetes-action": "list", "x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Widget"}},
      "post": {"x-kubernetes-action": "post", "x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Widget"}}
    },
    "/apis/example.com/v1/namespaces/{namespace}/widgets/{name}": {
      "get": {"x-kubernetes-action": "get", "x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Widget"}},
      "delete": {"x-kubernetes-action": "delete", "x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Widget"}}
    },
    "/apis/example.com/v1/namespaces/{namespace}/widgets/{name}/status": {
      "get": {"x-kubernetes-action": "get", "x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Widget"}}
    },
    "/apis/example.com/v1/widgets": {
      "get": {"x-kubernetes-action": "list", "x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Widget"}}
    },
    "/apis/example.com/v1/watch/namespaces/{namespace}/widgets": {
      "get": {"x-kubernetes-action": "watchlist", "x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Widget"}}
    }
  },
  "definitions": {
    "com.example.v1.Widget": {
      "description": "A widget. Ends */ comments and opens /* them.",
      "type": "object",
      "x-kubernetes-group-version-kind": [{"group": "example.com", "kind": "Widget", "version": "v1"}],
      "properties": {
        "apiVersion": {"type": "string"},
        "kind": {"type": "string"},
        "metadata": {"${'$'}ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
        "spec": {
          "type": "object",
          "properties": {
            "size": {"type": "integer"},
            "port": {"x-kubernetes-int-or-string": true, "anyOf": [{"type": "integer"}, {"type": "string"}]},
            "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
            "limits": {"type": "object", "additionalProperties": {"${'$'}ref": "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity"}},
            "parts": {"type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["id"],
              "items": {"type": "object", "properties": {"id": {"type": "string"}, "weight": {"type": "number"}}}}
          }
        },
        "status": {"type": "object", "properties": {"since": {"type": "string", "format": "date-time"}}}
      }
    },
    "com.example.v1.WidgetList": {
      "type": "object",
      "x-kubernetes-group-version-kind": [{"group": "example.com", "kind": "WidgetList", "version": "v1"}],
      "properties": {
        "apiVersion": {"type": "string"},
        "kind": {"type": "string"},
        "items": {"type": "array", "items": {"${'$'}ref": "#/definitions/com.example.v1.Widget"}},
        "metadata": {"${'$'}ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"}
      }
    },
    "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {"type": "object", "properties": {"name": {"type": "string"}}},
    "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta": {"type": "object", "properties": {"continue": {"type": "string"}}},
    "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": "string"}
  }
}
"""

class GeneratorSpec : FunSpec({
    fun specFile(text: String = CRD_SPEC): Path = Files.createTempFile("openapi", ".json").also { Files.writeString(it, text) }

    test("inline CRD schemas become classes named after parent and field, with Kubernetes types mapped") {
        val reader = SpecReader("crd.json", CRD_SPEC)
        val names = reader.definitions.map { it.name }
        names shouldContainExactly listOf(
            "com.example.v1.Widget", "com.example.v1.WidgetList", "com.example.v1.WidgetSpec", "com.example.v1.WidgetSpecParts",
            "com.example.v1.WidgetStatus", "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
            "io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadata", "io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadataList",
        )
        val spec = reader.definitions.single { it.name == "com.example.v1.WidgetSpec" }.properties.associate { it.name to it.type }
        spec["size"] shouldBe SchemaType.Scalar("INT64")
        spec["port"] shouldBe SchemaType.Scalar("INT_OR_STRING")
        spec["extra"] shouldBe SchemaType.Scalar("JSON")
        spec["limits"] shouldBe SchemaType.MapOf(SchemaType.Scalar("QUANTITY"))
        spec["parts"] shouldBe SchemaType.ListOf(SchemaType.Model("com.example.v1.WidgetSpecParts"))
    }

    test("paths give the plural, the scope, the verbs and the subresources") {
        val r = SpecReader("crd.json", CRD_SPEC).resources().single()
        r.kind shouldBe Gvk("example.com", "v1", "Widget")
        r.plural shouldBe "widgets"
        r.namespaced shouldBe true
        r.verbs shouldBe listOf("get", "list", "watch", "create", "delete")
        r.subresources shouldBe listOf("status")
    }

    test("only included definitions are generated; references to the rest use kubekt's classes") {
        val out = Files.createTempDirectory("gen")
        val sources = Generator(CodegenOptions(specFile(), out, include = Regex("^com\\.example\\."), registry = "com.example.v1.ExampleModels")).sources()
        val files = sources.getValue(out)
        files.keys shouldBe setOf(
            "com/example/v1/Widget.kt", "com/example/v1/WidgetList.kt", "com/example/v1/WidgetSpec.kt",
            "com/example/v1/WidgetSpecParts.kt", "com/example/v1/WidgetStatus.kt", "com/example/v1/ExampleModels.kt",
        )
        val widget = files.getValue("com/example/v1/Widget.kt")
        widget shouldContain "import io.kubekt.api.meta.v1.ObjectMeta"
        widget shouldContain "KubeModel<Widget, Widget.Builder>(values, unknown, order), KubeObject"
        widget shouldContain "public val RESOURCE: ResourceType<Widget>"
        widget shouldContain "\"example.com\", \"v1\", \"Widget\", \"widgets\", true"
        widget shouldContain "{ WidgetList.TYPE }"
        widget shouldContain "this.kind = \"Widget\""
        widget shouldNotContain "Ends */"
        widget shouldNotContain "opens /*"
        val list = files.getValue("com/example/v1/WidgetList.kt")
        list shouldContain "KubeList<Widget>"
        list shouldContain "override val items: List<Widget> get() = slot(3) as List<Widget>\n"
        list shouldContain "public var items: List<Widget>\n"
        list shouldContain "public fun items(value: List<Widget>): Builder"
        list shouldContain "field(\"items\", list(model(Widget.TYPE)), required = true)"
        list shouldContain "override val metadata: ListMeta? get()"
        val spec = files.getValue("com/example/v1/WidgetSpec.kt")
        spec shouldContain "public val limits: Map<String, Quantity>? get() = slot("
        spec shouldContain "field(\"parts\", list(model(WidgetSpecParts.TYPE)), listType = \"map\", listMapKeys = listOf(\"id\"))"
        spec shouldContain "public fun part(edit: WidgetSpecParts.Builder.() -> Unit): Builder"
        spec shouldContain "public fun limit(key: String, value: Quantity): Builder"
        files.getValue("com/example/v1/ExampleModels.kt") shouldContain "com.example.v1.Widget.RESOURCE,"
    }

    test("a spec with ObjectMeta and ListMeta gains PartialObjectMetadata and its list, generated like the spec's own") {
        val out = Files.createTempDirectory("gen")
        val files = Generator(CodegenOptions(specFile(), out, include = Regex("^io\\.k8s\\.apimachinery\\.pkg\\.apis\\.meta\\.v1\\.Partial"))).sources().getValue(out)
        files.keys shouldBe setOf("io/kubekt/api/meta/v1/PartialObjectMetadata.kt", "io/kubekt/api/meta/v1/PartialObjectMetadataList.kt")
        val one = files.getValue("io/kubekt/api/meta/v1/PartialObjectMetadata.kt")
        one shouldContain "KubeModel<PartialObjectMetadata, PartialObjectMetadata.Builder>(values, unknown, order), KubeObject"
        one shouldContain "GroupVersionKind(\"meta.k8s.io\", \"v1\", \"PartialObjectMetadata\")"
        one shouldContain "this.kind = \"PartialObjectMetadata\""
        one shouldContain "override val metadata: ObjectMeta? get()"
        one shouldNotContain "RESOURCE"
        val list = files.getValue("io/kubekt/api/meta/v1/PartialObjectMetadataList.kt")
        list shouldContain "KubeList<PartialObjectMetadata>"
        list shouldContain "override val items: List<PartialObjectMetadata> get()"
        list shouldContain "apiVersion = \"meta.k8s.io/v1\""
    }

    test("a spec without ObjectMeta and ListMeta gets no supplementary definitions; one that has them keeps its own") {
        val bare = CRD_SPEC.replace("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta\": {", "io.k8s.apimachinery.pkg.apis.meta.v1.OtherMeta\": {")
        SpecReader("crd.json", bare).definitions.map { it.name }.filter { "Partial" in it } shouldBe emptyList()
        val own = CRD_SPEC.replace(
            "\"io.k8s.apimachinery.pkg.api.resource.Quantity\"",
            "\"io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadata\": {\"description\": \"the spec's\", \"type\": \"object\", " +
                "\"properties\": {\"kind\": {\"type\": \"string\"}}},\n    \"io.k8s.apimachinery.pkg.api.resource.Quantity\"",
        )
        SpecReader("crd.json", own).definitions.single { it.name.endsWith(".PartialObjectMetadata") }.description shouldBe "the spec's"
    }

    test("the DSL output has one entry function per served kind") {
        val out = Files.createTempDirectory("gen")
        val dsl = Files.createTempDirectory("dsl")
        val sources = Generator(CodegenOptions(specFile(), out, dslOut = dsl, include = Regex("^com\\.example\\."))).sources()
        sources.getValue(dsl) shouldContainKey "com/example/v1/ExampleV1Builders.kt"
        sources.getValue(dsl).getValue("com/example/v1/ExampleV1Builders.kt") shouldContain
            "public fun widget(block: Widget.Builder.() -> Unit): Widget = Widget.builder().apply(block).build()"
    }

    test("run writes only changed files and --clean removes stale ones") {
        val out = Files.createTempDirectory("gen")
        val stale = out.resolve("com/example/v1/Gone.kt").also { Files.createDirectories(it.parent); Files.writeString(it, "x") }
        val options = CodegenOptions(specFile(), out, include = Regex("^com\\.example\\."), clean = true)
        val first = Generator(options).run()
        first.written shouldBe 5
        first.deleted shouldBe 1
        Files.exists(stale) shouldBe false
        Generator(options).run().written shouldBe 0
    }

    test("bad input fails with a message naming the problem") {
        shouldThrow<CodegenException> { SpecReader("x.json", "[1]") }.message shouldContain "x.json is not a JSON object"
        shouldThrow<CodegenException> { SpecReader("x.json", "{}").definitions }.message shouldContain "no \"definitions\""
        shouldThrow<CodegenException> { CodegenOptions.parse(listOf("--spec")) }.message shouldContain "--spec needs a value"
        shouldThrow<CodegenException> { CodegenOptions.parse(listOf("--out", "x")) }.message shouldContain "--spec is required"
        shouldThrow<CodegenException> { CodegenOptions.parse(listOf("--bogus")) }.message shouldContain "unknown argument '--bogus'"
        shouldThrow<CodegenException> { Generator(CodegenOptions(Path.of("/nonexistent/spec.json"), Path.of("/tmp"))).sources() }
            .message shouldContain "does not exist"
    }
})
