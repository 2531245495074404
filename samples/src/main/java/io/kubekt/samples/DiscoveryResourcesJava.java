package io.kubekt.samples;

import io.kubekt.api.meta.v1.APIResource;
import io.kubekt.client.KubeClient;
import io.kubekt.discovery.DiscoveryClient;
import io.kubekt.discovery.DiskCache;
import io.kubekt.discovery.ResourceList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/**
 * client-go's discovery demos from Java: every resource printed as
 * {@code name: <resource>, group: <group>, version: <version>} (the first {@code maxLines}, then a
 * count), and discovery cached on disk under a folder it creates, read back by a second client.
 */
public final class DiscoveryResourcesJava {
    private DiscoveryResourcesJava() {}

    public static void run(KubeClient client, int maxLines) {
        int total = 0;
        for (ResourceList list : client.discovery().serverResources()) {
            for (APIResource r : list.getResources()) {
                if (total++ < maxLines) {
                    System.out.println("name: " + r.getName() + ", group: " + list.getGroupVersion().getGroup()
                            + ", version: " + list.getGroupVersion().getVersion());
                }
            }
        }
        if (total > maxLines) System.out.println("... and " + (total - maxLines) + " more");
        System.out.println("Discovery (Java): " + total + " resources");
    }

    public static void runDiskCached(KubeClient client, Path directory) throws IOException {
        DiscoveryClient discovery = client.discovery(DiskCache.of(directory, Duration.ofMinutes(60)));
        Path folder = discovery.getCacheFolder();
        boolean existed = Files.isDirectory(folder);
        int count = count(discovery);
        String state = existed ? "already there" : Files.isDirectory(folder) ? "created" : "missing";
        System.out.println("Disk cache (Java): " + count + " resources discovered; cache folder " + folder + " " + state);

        // A new discovery client has nothing in memory: it reads the files, and a fetch would rewrite them.
        Path groupsFile = folder.resolve("servergroups.json");
        FileTime written = Files.getLastModifiedTime(groupsFile);
        DiscoveryClient second = client.discovery(DiskCache.of(directory, Duration.ofMinutes(60)));
        int again = count(second);
        boolean fromDisk = Files.getLastModifiedTime(groupsFile).equals(written);
        System.out.println("Disk cache (Java): a second discovery client found " + again + " resources, served from disk: " + fromDisk);
    }

    private static int count(DiscoveryClient discovery) {
        return discovery.serverResources().stream().mapToInt(list -> list.getResources().size()).sum();
    }
}
