package io.kubekt.api

import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.buildClassSerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.json.JsonDecoder
import kotlinx.serialization.json.JsonEncoder

/**
 * The kotlinx.serialization adapter of a model type, so `Json.decodeFromString<Pod>(text)` and
 * models inside the user's own `@Serializable` classes work.
 *
 * It goes through a [kotlinx.serialization.json.JsonElement] tree, which is slower than
 * [ModelType.decode] on bytes; hot paths (kubekt's clients) use the latter. Formats other than
 * JSON are refused with a clear error: convert YAML to JSON first.
 */
public open class ModelSerializer<T : KubeModel<T, *>>(
    /** The model type this adapter reads and writes. */
    public val type: ModelType<T>,
) : KSerializer<T> {
    override val descriptor: SerialDescriptor = buildClassSerialDescriptor(type.name)

    override fun deserialize(decoder: Decoder): T {
        val json = decoder as? JsonDecoder ?: throw unsupported(decoder::class.java)
        return type.decode(json.decodeJsonElement())
    }

    override fun serialize(encoder: Encoder, value: T) {
        val json = encoder as? JsonEncoder ?: throw unsupported(encoder::class.java)
        json.encodeJsonElement(type.encodeToJsonElement(value))
    }

    private fun unsupported(format: Class<*>) = SerializationException(
        "${type.name} can only be (de)serialized with kotlinx.serialization's Json format, not ${format.name}; " +
            "convert other formats such as YAML to JSON first",
    )
}
