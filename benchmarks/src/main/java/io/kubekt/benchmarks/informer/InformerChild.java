package io.kubekt.benchmarks.informer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * One measurement in a fresh JVM, started by {@link InformerBenchmark}:
 * {@code InformerChild <contender> pods|configmaps <kubeconfig> <informers> <idle seconds>}.
 *
 * Connects and warms the client, measures the settled heap and the live threads, starts the
 * informers (one on pods in all namespaces, or one ConfigMap informer per namespace
 * {@code bench-cm-0..n-1}), times them until synced, measures again while holding them, counts the
 * threads again after the idle seconds (idle pool threads retire after about a minute), prints
 * one line {@code READY key=value ...}, and waits for a line on stdin (the orchestrator counts the
 * server's open connections meanwhile) before it stops.
 */
public final class InformerChild {
    private InformerChild() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: InformerChild <contender> pods|configmaps <kubeconfig> <informers> <idle seconds>");
        }
        String phase = args[1];
        int informers = Integer.parseInt(args[3]);
        Contender contender = Contender.named(args[0]);
        contender.connect(Path.of(args[2]));
        long heapBefore = settledHeapUsed();
        int threadsBefore = liveThreads();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        if (phase.equals("pods")) contender.startPodInformer();
        else contender.startConfigMapInformers(namespaces(informers));
        long syncNanos = System.nanoTime() - start;
        long syncCpuNanos = processCpuNanos() - cpuStart;
        int threadsAfter = liveThreads();
        long heapAfter = settledHeapUsed();
        System.out.println("THREADS after sync: " + threadNames());
        if (Boolean.getBoolean("bench.histogram")) printHistogram();
        Thread.sleep(Long.parseLong(args[4]) * 1000);
        int threadsIdle = liveThreads();
        System.out.println("THREADS after " + args[4] + " s idle: " + threadNames());
        System.out.printf("READY sync_ms=%d sync_cpu_ms=%d cached=%d heap_before=%d heap_after=%d threads_before=%d threads_after=%d threads_idle=%d%n",
            syncNanos / 1_000_000, syncCpuNanos / 1_000_000, contender.cached(), heapBefore, heapAfter, threadsBefore, threadsAfter, threadsIdle);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Reference.reachabilityFence(contender);
        contender.close();
        System.exit(0);
    }

    /** CPU time of this JVM so far (all threads, JIT and GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The namespaces of the ConfigMap informers: {@code bench-cm-0} to {@code bench-cm-<n-1>}. */
    static List<String> namespaces(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) names.add("bench-cm-" + i);
        return names;
    }

    /** Live threads by name with digits removed, e.g. {@code {DefaultDispatcher-worker-=12, main=1}}. */
    private static Map<String, Long> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
            .collect(Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "#"), TreeMap::new, Collectors.counting()));
    }

    /** With {@code -Dbench.histogram=true}: the top of the live-object class histogram, for finding where the heap goes. */
    private static void printHistogram() throws Exception {
        ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String histogram = (String) ManagementFactory.getPlatformMBeanServer()
            .invoke(diagnostics, "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(30).forEach(line -> System.out.println("HISTOGRAM " + line));
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Heap in use after several full collections, once it stops shrinking. */
    private static long settledHeapUsed() throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(150);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (i >= 3 && used >= last - 4096) return Math.min(used, last);
            last = Math.min(last, used);
        }
        return last;
    }
}
