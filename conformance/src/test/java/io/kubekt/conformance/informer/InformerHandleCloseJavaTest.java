package io.kubekt.conformance.informer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.api.core.v1.Service;
import io.kubekt.api.core.v1.ServiceAccount;
import io.kubekt.conformance.support.ConformanceTarget;
import io.kubekt.informer.InformerHandle;
import io.kubekt.informer.SharedInformerFactory;
import io.kubekt.test.KubeTestServer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Issue 5's check (d) from Java: closing the handle of informers started from Java stops them and closes their watches. */
class InformerHandleCloseJavaTest {
    @Test
    void closingTheHandleOfAJavaStartedFactoryStopsItsInformersAndClosesTheirWatches() throws Exception {
        ConformanceTarget target = ConformanceTarget.Companion.getCurrent();
        KubeTestServer server = target.getServer();
        String namespace = "c-java-close-" + UUID.randomUUID().toString().substring(0, 8); // need not exist: lists and watches answer empty
        int watchesBefore = server == null ? 0 : server.getFaults().openWatches();
        SharedInformerFactory informers = SharedInformerFactory.create(target.getClient(), Duration.ZERO);
        informers.informer(ConfigMap.class, namespace);
        informers.informer(ServiceAccount.class, namespace);
        informers.informer(Service.class, namespace);
        InformerHandle handle = informers.start();
        try {
            handle.synced().get(60, TimeUnit.SECONDS);
            assertTrue(handle.isRunning());
            if (server != null) {
                awaitTrue("three watches open", () -> server.getFaults().openWatches() >= watchesBefore + 3);
            }
        } finally {
            handle.close();
        }
        assertFalse(handle.isRunning());
        if (server != null) {
            awaitTrue("the watches closed", () -> server.getFaults().openWatches() == watchesBefore);
            assertEquals(watchesBefore, server.getFaults().openWatches());
        }
    }

    private static void awaitTrue(String what, BooleanSupplier check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
