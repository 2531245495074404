@file:OptIn(io.kubekt.api.ModelCodegenApi::class)
@file:Suppress("UNCHECKED_CAST", "RedundantVisibilityModifier")

package io.kubekt.api.meta.v1

import io.kubekt.api.FieldOrder
import io.kubekt.api.GroupVersionKind
import io.kubekt.api.KubeModel
import io.kubekt.api.KubeObject
import io.kubekt.api.ModelBuilder
import io.kubekt.api.ModelSerializer
import io.kubekt.api.ModelType
import java.util.function.Consumer
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonObject

/**
 * Only the metadata of an object (`meta.k8s.io/v1` `PartialObjectMetadata`): what the API server
 * answers when asked for `Accept: application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1`,
 * for any resource. The metadata-only client (io.kubekt.metadata) returns it.
 *
 * Written by hand in the generated models' shape: the OpenAPI spec the models come from does not
 * define PartialObjectMetadata (the server only offers it through content negotiation).
 */
@Serializable(with = PartialObjectMetadata.Serializer::class)
public class PartialObjectMetadata private constructor(
    values: Array<Any?>,
    unknown: JsonObject?,
    order: FieldOrder?,
) : KubeModel<PartialObjectMetadata, PartialObjectMetadata.Builder>(values, unknown, order), KubeObject {
    /** The `apiVersion`: `meta.k8s.io/v1`. */
    override val apiVersion: String? get() = slot(0) as String?

    /** The `kind`: `PartialObjectMetadata`. */
    override val kind: String? get() = slot(1) as String?

    /** The object's standard metadata: name, namespace, labels, annotations, resourceVersion, ... */
    override val metadata: ObjectMeta? get() = slot(2) as ObjectMeta?

    override val modelType: ModelType<PartialObjectMetadata> get() = TYPE

    override fun toBuilder(): Builder = Builder(this)

    /**
     * Builds a [PartialObjectMetadata]. Each field has a property and a fluent setter; object
     * fields also take a block or `Consumer` that edits the current value.
     */
    public class Builder internal constructor(from: PartialObjectMetadata?) : ModelBuilder<PartialObjectMetadata>(TYPE, from) {
        /** [PartialObjectMetadata.apiVersion] */
        public var apiVersion: String?
            get() = slot(0) as String?
            set(value) = setSlot(0, value)

        public fun apiVersion(value: String?): Builder {
            setSlot(0, value)
            return this
        }

        /** [PartialObjectMetadata.kind] */
        public var kind: String?
            get() = slot(1) as String?
            set(value) = setSlot(1, value)

        public fun kind(value: String?): Builder {
            setSlot(1, value)
            return this
        }

        /** [PartialObjectMetadata.metadata] */
        public var metadata: ObjectMeta?
            get() = slot(2) as ObjectMeta?
            set(value) = setSlot(2, value)

        public fun metadata(value: ObjectMeta?): Builder {
            setSlot(2, value)
            return this
        }

        public fun metadata(edit: Consumer<ObjectMeta.Builder>): Builder {
            editSlot(2, ObjectMeta.TYPE, edit)
            return this
        }

        @JvmSynthetic
        public fun metadata(edit: ObjectMeta.Builder.() -> Unit): Builder {
            editSlot(2, ObjectMeta.TYPE, edit)
            return this
        }
    }

    /** The kotlinx.serialization adapter of [PartialObjectMetadata]. */
    public object Serializer : ModelSerializer<PartialObjectMetadata>(TYPE)

    public companion object {
        /** Fields and the JSON codec of [PartialObjectMetadata]. */
        @JvmField
        public val TYPE: ModelType<PartialObjectMetadata> = ModelType(
            "io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadata",
            PartialObjectMetadata::class.java,
            listOf(
                GroupVersionKind("meta.k8s.io", "v1", "PartialObjectMetadata"),
            ),
            null,
            ::PartialObjectMetadata,
            { Builder(null) },
        ) {
            field("apiVersion", string)
            field("kind", string)
            field("metadata", model(ObjectMeta.TYPE))
        }

        /** A new builder with `apiVersion` and `kind` set. */
        @JvmStatic
        public fun builder(): Builder = Builder(null).apply {
            apiVersion = "meta.k8s.io/v1"
            this.kind = "PartialObjectMetadata"
        }

        /** Builds a [PartialObjectMetadata] in Kotlin: `PartialObjectMetadata { ... }`. */
        @JvmSynthetic
        public operator fun invoke(block: Builder.() -> Unit): PartialObjectMetadata = builder().apply(block).build()
    }
}
