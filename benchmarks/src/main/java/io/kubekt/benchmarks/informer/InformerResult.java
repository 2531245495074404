package io.kubekt.benchmarks.informer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one child JVM measured: the {@code key=value} pairs of its READY line plus the server's
 * open connections counted while it held its informers.
 */
public record InformerResult(int round, String contender, String phase, int informers, Map<String, Long> values) {
    /** Parses {@code READY k=v k=v ...}. */
    static InformerResult parse(int round, String contender, String phase, int informers, String line, int connections) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String pair : line.substring("READY ".length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        values.put("connections", (long) connections);
        return new InformerResult(round, contender, phase, informers, values);
    }

    public long syncMillis() { return values.get("sync_ms"); }

    public long cached() { return values.get("cached"); }

    public long connections() { return values.get("connections"); }

    /** Threads started by the informers (live after sync minus live before). */
    public long threadsAdded() { return values.get("threads_after") - values.get("threads_before"); }

    /** Threads started by the informers and still live after the idle wait. */
    public long threadsAddedIdle() { return values.get("threads_idle") - values.get("threads_before"); }

    /** Retained heap per cached object: settled heap after sync minus before, over the objects cached. */
    public long heapPerObject() {
        return (values.get("heap_after") - values.get("heap_before")) / Math.max(1, cached());
    }
}
