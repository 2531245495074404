package io.kubekt.informer.watch

import io.kubekt.api.KubeDsl
import io.kubekt.request.FieldSelector
import io.kubekt.request.LabelSelector
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds
import kotlin.time.toKotlinDuration

/**
 * Long-lived settings of a [ResumableWatch]; immutable. Kotlin: a block on
 * `listWatch.resumableWatch(rv) { labelSelector = "app=web" }`; Java: [builder].
 * The defaults are the reflector's ([io.kubekt.informer.reflector.ReflectorConfig]).
 */
public class ResumableWatchConfig private constructor(builder: Builder) {
    /** Only objects with these labels, e.g. `app=web`. */
    public val labelSelector: String? = builder.labelSelector

    /** Only objects matching these fields, e.g. `metadata.name=web`. */
    public val fieldSelector: String? = builder.fieldSelector

    /** Asks the server to end each watch after about this long (`timeoutSeconds`); shorter than [idleTimeout]. */
    @get:JvmSynthetic
    public val watchTimeout: Duration = builder.watchTimeout

    /** A watch silent this long (no event, no bookmark) is closed and reopened from the last resourceVersion. */
    @get:JvmSynthetic
    public val idleTimeout: Duration = builder.idleTimeout

    /** The backoff after the second consecutive failure; it doubles per failure. */
    @get:JvmSynthetic
    public val initialBackoff: Duration = builder.initialBackoff

    /** The longest backoff between failures. */
    @get:JvmSynthetic
    public val maxBackoff: Duration = builder.maxBackoff

    init {
        require(watchTimeout.inWholeSeconds > 0 && idleTimeout > watchTimeout) {
            "watchTimeout ($watchTimeout) must be at least a second and shorter than idleTimeout ($idleTimeout)"
        }
        require(initialBackoff.isPositive() && maxBackoff >= initialBackoff) {
            "initialBackoff ($initialBackoff) must be positive and not above maxBackoff ($maxBackoff)"
        }
    }

    /** Collects a [ResumableWatchConfig]: properties for Kotlin, fluent setters for Java. */
    @KubeDsl
    public class Builder internal constructor() {
        public var labelSelector: String? = null
        public var fieldSelector: String? = null
        public var watchTimeout: Duration = 4.minutes
        public var idleTimeout: Duration = 5.minutes
        public var initialBackoff: Duration = 800.milliseconds
        public var maxBackoff: Duration = 30.seconds

        public fun labelSelector(value: String?): Builder = apply { labelSelector = value }
        public fun labelSelector(value: LabelSelector): Builder = apply { labelSelector = value.toString() }
        public fun fieldSelector(value: String?): Builder = apply { fieldSelector = value }
        public fun fieldSelector(value: FieldSelector): Builder = apply { fieldSelector = value.toString() }
        public fun watchTimeout(value: java.time.Duration): Builder = apply { watchTimeout = value.toKotlinDuration() }
        public fun idleTimeout(value: java.time.Duration): Builder = apply { idleTimeout = value.toKotlinDuration() }
        public fun initialBackoff(value: java.time.Duration): Builder = apply { initialBackoff = value.toKotlinDuration() }
        public fun maxBackoff(value: java.time.Duration): Builder = apply { maxBackoff = value.toKotlinDuration() }

        /** @throws IllegalArgumentException for a watch timeout under a second or not below the idle timeout, or backoffs out of order. */
        public fun build(): ResumableWatchConfig = ResumableWatchConfig(this)
    }

    public companion object {
        /** The defaults: no selectors, 4 min watches, 5 min idle deadline, 0.8 s to 30 s backoff. */
        @JvmField
        public val DEFAULT: ResumableWatchConfig = Builder().build()

        /** A new builder holding the defaults. */
        @JvmStatic
        public fun builder(): Builder = Builder()
    }
}

/** Kotlin: a [ResumableWatchConfig] from a block, `ResumableWatchConfig { idleTimeout = 2.minutes }`. */
@JvmSynthetic
public fun ResumableWatchConfig(block: ResumableWatchConfig.Builder.() -> Unit): ResumableWatchConfig =
    ResumableWatchConfig.builder().apply(block).build()
