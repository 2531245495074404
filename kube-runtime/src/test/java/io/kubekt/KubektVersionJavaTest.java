package io.kubekt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KubektVersionJavaTest {
    @Test
    void versionIsVisibleFromJava() {
        assertTrue(KubektVersion.VERSION.startsWith("0."));
    }
}
