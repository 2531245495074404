package io.kubekt.api.json

/** An immutable list over an exact-size array: one allocation for the elements, no spare capacity. */
internal class FrozenList<E> private constructor(private val items: Array<Any?>) : AbstractList<E>(), RandomAccess {
    override val size: Int get() = items.size

    @Suppress("UNCHECKED_CAST")
    override fun get(index: Int): E = items[index] as E

    companion object {
        private val EMPTY = FrozenList<Any?>(emptyArray())

        @Suppress("UNCHECKED_CAST")
        fun <E> empty(): List<E> = EMPTY as List<E>

        /** Wraps [items], which the caller hands over and never touches again. */
        fun <E> wrap(items: Array<Any?>): List<E> = if (items.isEmpty()) empty() else FrozenList(items)
    }
}
