package io.kubekt.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a Java user writes to build selectors: plain builders, no Kotlin types. */
class SelectorsJavaTest {
    @Test
    void buildersRenderSelectorsIntoListOptions() {
        LabelSelector labels = LabelSelector.builder().eq("app", "web").notIn("tier", Set.of("db")).exists("env")
            .notExists("x").ne("a", "b").in("c", List.of("z", "y")).build();
        FieldSelector fields = FieldSelector.builder().eq("status.phase", "Running").ne("metadata.name", "x").build();
        ListOptions options = ListOptions.builder().limit(50).labelSelector(labels).fieldSelector(fields).build();
        assertEquals("app=web,tier notin (db),env,!x,a!=b,c in (y,z)", options.getLabelSelector());
        assertEquals("status.phase=Running,metadata.name!=x", options.getFieldSelector());
        assertEquals(labels, LabelSelector.parse(options.getLabelSelector()));
    }

    @Test
    void theStringSettersStillWork() {
        ListOptions options = ListOptions.builder().labelSelector("app=web").fieldSelector("metadata.name=x").build();
        assertEquals("app=web", options.getLabelSelector());
        assertEquals("metadata.name=x", options.getFieldSelector());
    }

    @Test
    void invalidKeysFailAtTheBuilderCallNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> LabelSelector.builder().eq("Bad.Prefix/app", "web"));
        assertTrue(e.getMessage().startsWith("invalid label key \"Bad.Prefix/app\": the prefix \"Bad.Prefix\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.builder().in("tier", Set.of()));
    }

    @Test
    void selectorsMatchLabelMapsAndModels() {
        io.kubekt.api.meta.v1.LabelSelector model = io.kubekt.api.meta.v1.LabelSelector.builder()
            .matchLabel("app", "web")
            .matchExpression(r -> r.key("tier").operator("NotIn").value("db"))
            .build();
        LabelSelector selector = LabelSelector.from(model);
        assertEquals("app=web,tier notin (db)", selector.toString());
        assertTrue(selector.matches(Map.of("app", "web")));
        assertFalse(selector.matches(Map.of("app", "web", "tier", "db")));
        assertTrue(LabelSelector.EVERYTHING.matches(Map.of()));
    }
}
