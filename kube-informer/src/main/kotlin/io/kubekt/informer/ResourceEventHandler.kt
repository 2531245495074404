package io.kubekt.informer

/**
 * Receives one subscriber's changes of a [SharedInformer] (client-go's ResourceEventHandler).
 * Every method does nothing by default: implement the ones you need.
 *
 * Threading: one subscriber's calls come one at a time, in order, from the informer's
 * coroutine context (from Java: one of the client's background threads, as many as cores). A slow
 * handler delays its own subscription and, once its buffer is full, the store; from Java a handler
 * that blocks for long also holds back the client's other informers — hand slow work to a
 * WorkQueue (see docs/decisions/informers.md).
 * An exception thrown by a handler is logged and the next change is delivered.
 */
public interface ResourceEventHandler<T> {
    /** [obj] was added; [inInitialList] when it came with the informer's first list (or the cache a late subscriber starts from). */
    public fun onAdd(obj: T, inInitialList: Boolean) {}

    /** [oldObj] became [newObj]; a resync calls this with the same object twice. */
    public fun onUpdate(oldObj: T, newObj: T) {}

    /**
     * [obj] was deleted. [finalStateUnknown] when the deletion was inferred from a relist: [obj]
     * is then the last state the cache had.
     */
    public fun onDelete(obj: T, finalStateUnknown: Boolean) {}
}
