package io.kubekt.samples

import io.kubekt.client.KubeClient
import io.kubekt.discovery.DiskCache
import java.nio.file.Files
import java.nio.file.Path
import kotlin.time.Duration.Companion.minutes

/**
 * client-go's cached discovery demo: discovery kept on disk in kubectl's layout under
 * [directory] (kubectl's `~/.kube/cache/discovery` by default), in a folder per server that the
 * first call creates; a second discovery client is then served from those files.
 */
suspend fun diskCachedDiscovery(client: KubeClient, directory: Path) {
    val discovery = client.discovery(cache = DiskCache(ttl = 60.minutes, directory = directory))
    val folder = checkNotNull(discovery.cacheFolder)
    val existed = Files.isDirectory(folder)
    val count = discovery.serverResources().sumOf { it.resources.size }
    val state = if (existed) "already there" else if (Files.isDirectory(folder)) "created" else "missing"
    println("Disk cache (Kotlin): $count resources discovered; cache folder $folder $state")

    // A new discovery client has nothing in memory: it reads the files, and a fetch would rewrite them.
    val groupsFile = folder.resolve("servergroups.json")
    val written = Files.getLastModifiedTime(groupsFile)
    val second = client.discovery(cache = DiskCache(ttl = 60.minutes, directory = directory))
    val again = second.serverResources().sumOf { it.resources.size }
    val fromDisk = Files.getLastModifiedTime(groupsFile) == written
    println("Disk cache (Kotlin): a second discovery client found $again resources, served from disk: $fromDisk")
}
