package io.kubekt.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Benchmark input: a PodList of realistic pods as an API server writes it (compact JSON).
 *
 * The 200 pods of {@code podlist-200-bench.json} (several containers, env, volumes, affinity,
 * tolerations, full status, server-side-apply managedFields) are cloned with new names, uids and
 * resourceVersions until the list holds the requested number.
 */
public final class BenchData {
    private BenchData() {}

    /** The list with {@code pods} items as UTF-8 JSON bytes. */
    public static byte[] podList(int pods) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode list = (ObjectNode) mapper.readTree(source());
        ArrayNode items = (ArrayNode) list.get("items");
        int base = items.size();
        ArrayNode scaled = mapper.createArrayNode();
        for (int i = 0; i < pods; i++) {
            ObjectNode pod = (ObjectNode) items.get(i % base).deepCopy();
            if (i >= base) {
                ObjectNode meta = (ObjectNode) pod.get("metadata");
                meta.put("name", meta.get("name").asText() + "-" + (i / base));
                meta.put("uid", UUID.nameUUIDFromBytes(("pod-" + i).getBytes()).toString());
                meta.put("resourceVersion", Integer.toString(20000 + i));
            }
            scaled.add(pod);
        }
        list.set("items", scaled);
        JsonNode meta = list.get("metadata");
        if (meta instanceof ObjectNode m) {
            m.remove("continue");
            m.remove("remainingItemCount");
        }
        return mapper.writeValueAsBytes(list);
    }

    private static byte[] source() {
        try (InputStream in = BenchData.class.getResourceAsStream("/podlist-200-bench.json.gz")) {
            if (in == null) throw new IllegalStateException("podlist-200-bench.json.gz is not on the classpath");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new GZIPInputStream(in).transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
