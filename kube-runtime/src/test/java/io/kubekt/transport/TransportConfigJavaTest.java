package io.kubekt.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kubekt.config.ClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transport's public surface as a Java caller sees it: engines, warning handlers, retry settings. */
class TransportConfigJavaTest {
    @Test
    void configuresEngineWarningsRetriesAndLimitsFromJava() {
        List<String> warnings = new ArrayList<>();
        ClientConfig config = ClientConfig.builder()
            .server("https://10.0.0.1:6443")
            .engine(HttpEngineFactory.okHttp())
            .warningHandler(warnings::add)
            .retry(new RetryConfig(3, Duration.ofMillis(100), Duration.ofSeconds(5)))
            .qps(20.0)
            .burst(40)
            .build();
        assertSame(OkHttpEngineFactory.INSTANCE, config.getEngine());
        assertSame(JavaEngineFactory.INSTANCE, HttpEngineFactory.defaultEngine());
        config.getWarningHandler().onWarning("deprecated");
        assertEquals(List.of("deprecated"), warnings);
        assertEquals(3, config.getRetry().getMaxRetries());
        WarningHandler.logOnce().onWarning("logged once from Java");
        WarningHandler.IGNORE.onWarning("dropped");
    }
}
