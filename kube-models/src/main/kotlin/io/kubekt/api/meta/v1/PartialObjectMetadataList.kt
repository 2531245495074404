@file:OptIn(io.kubekt.api.ModelCodegenApi::class)
@file:Suppress("UNCHECKED_CAST", "RedundantVisibilityModifier")

package io.kubekt.api.meta.v1

import io.kubekt.api.FieldOrder
import io.kubekt.api.GroupVersionKind
import io.kubekt.api.KubeList
import io.kubekt.api.KubeModel
import io.kubekt.api.ModelBuilder
import io.kubekt.api.ModelSerializer
import io.kubekt.api.ModelType
import java.util.function.Consumer
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonObject

/**
 * A list of [PartialObjectMetadata] (`meta.k8s.io/v1` `PartialObjectMetadataList`): what the API
 * server answers to a list with
 * `Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1`.
 *
 * Written by hand in the generated models' shape: the OpenAPI spec the models come from does not
 * define PartialObjectMetadataList (the server only offers it through content negotiation).
 */
@Serializable(with = PartialObjectMetadataList.Serializer::class)
public class PartialObjectMetadataList private constructor(
    values: Array<Any?>,
    unknown: JsonObject?,
    order: FieldOrder?,
) : KubeModel<PartialObjectMetadataList, PartialObjectMetadataList.Builder>(values, unknown, order), KubeList<PartialObjectMetadata> {
    /** The `apiVersion`: `meta.k8s.io/v1`. */
    override val apiVersion: String? get() = slot(0) as String?

    /** The `kind`: `PartialObjectMetadataList`. */
    override val kind: String? get() = slot(1) as String?

    /** Standard list metadata: resourceVersion, continue token, remaining item count. */
    override val metadata: ListMeta? get() = slot(2) as ListMeta?

    /** The objects' metadata. */
    override val items: List<PartialObjectMetadata>? get() = slot(3) as List<PartialObjectMetadata>?

    override val modelType: ModelType<PartialObjectMetadataList> get() = TYPE

    override fun toBuilder(): Builder = Builder(this)

    /**
     * Builds a [PartialObjectMetadataList]. Each field has a property and a fluent setter; object
     * fields also take a block or `Consumer` that edits the current value, list fields an add-one
     * method.
     */
    public class Builder internal constructor(from: PartialObjectMetadataList?) : ModelBuilder<PartialObjectMetadataList>(TYPE, from) {
        /** [PartialObjectMetadataList.apiVersion] */
        public var apiVersion: String?
            get() = slot(0) as String?
            set(value) = setSlot(0, value)

        public fun apiVersion(value: String?): Builder {
            setSlot(0, value)
            return this
        }

        /** [PartialObjectMetadataList.kind] */
        public var kind: String?
            get() = slot(1) as String?
            set(value) = setSlot(1, value)

        public fun kind(value: String?): Builder {
            setSlot(1, value)
            return this
        }

        /** [PartialObjectMetadataList.metadata] */
        public var metadata: ListMeta?
            get() = slot(2) as ListMeta?
            set(value) = setSlot(2, value)

        public fun metadata(value: ListMeta?): Builder {
            setSlot(2, value)
            return this
        }

        public fun metadata(edit: Consumer<ListMeta.Builder>): Builder {
            editSlot(2, ListMeta.TYPE, edit)
            return this
        }

        @JvmSynthetic
        public fun metadata(edit: ListMeta.Builder.() -> Unit): Builder {
            editSlot(2, ListMeta.TYPE, edit)
            return this
        }

        /** [PartialObjectMetadataList.items] */
        public var items: List<PartialObjectMetadata>?
            get() = slot(3) as List<PartialObjectMetadata>?
            set(value) = setSlot(3, value)

        public fun items(value: List<PartialObjectMetadata>?): Builder {
            setSlot(3, value)
            return this
        }

        public fun item(value: PartialObjectMetadata): Builder {
            appendToSlot(3, value)
            return this
        }

        public fun item(edit: Consumer<PartialObjectMetadata.Builder>): Builder {
            appendNewToSlot(3, PartialObjectMetadata.TYPE, edit)
            return this
        }

        @JvmSynthetic
        public fun item(edit: PartialObjectMetadata.Builder.() -> Unit): Builder {
            appendNewToSlot(3, PartialObjectMetadata.TYPE, edit)
            return this
        }
    }

    /** The kotlinx.serialization adapter of [PartialObjectMetadataList]. */
    public object Serializer : ModelSerializer<PartialObjectMetadataList>(TYPE)

    public companion object {
        /** Fields and the JSON codec of [PartialObjectMetadataList]. */
        @JvmField
        public val TYPE: ModelType<PartialObjectMetadataList> = ModelType(
            "io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadataList",
            PartialObjectMetadataList::class.java,
            listOf(
                GroupVersionKind("meta.k8s.io", "v1", "PartialObjectMetadataList"),
            ),
            null,
            ::PartialObjectMetadataList,
            { Builder(null) },
        ) {
            field("apiVersion", string)
            field("kind", string)
            field("metadata", model(ListMeta.TYPE))
            field("items", list(model(PartialObjectMetadata.TYPE)))
        }

        /** A new builder with `apiVersion` and `kind` set. */
        @JvmStatic
        public fun builder(): Builder = Builder(null).apply {
            apiVersion = "meta.k8s.io/v1"
            this.kind = "PartialObjectMetadataList"
        }

        /** Builds a [PartialObjectMetadataList] in Kotlin: `PartialObjectMetadataList { ... }`. */
        @JvmSynthetic
        public operator fun invoke(block: Builder.() -> Unit): PartialObjectMetadataList = builder().apply(block).build()
    }
}
