package io.kubekt.discovery

import io.kubekt.api.meta.v1.APIGroupList
import io.kubekt.api.meta.v1.APIResourceList
import org.slf4j.LoggerFactory
import java.io.IOException
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.time.Duration
import java.time.Instant

/**
 * kubectl's discovery cache layout for one server: `servergroups.json` (an `APIGroupList`) and
 * `<group>/<version>/serverresources.json` (`v1/serverresources.json` for the core group), each
 * fresh for the TTL after its last modification, each replaced atomically.
 */
internal class DiskStore(val folder: Path, private val ttl: Duration, private val now: () -> Instant = Instant::now) {
    /** The snapshot on disk when every file it needs is there, fresh and readable; else null. */
    fun read(): DiscoverySnapshot? = try {
        val groups = fresh(folder.resolve(GROUPS))?.let { APIGroupList.TYPE.decode(it).groups.orEmpty() }
        groups?.let { gs ->
            val lists = gs.flatMap { g -> g.versions.orEmpty().map { GroupVersion(g.name.orEmpty(), it.version.orEmpty()) } }.map { gv ->
                val bytes = fresh(resourcesFile(gv)) ?: return null
                val list = APIResourceList.TYPE.decode(bytes)
                ResourceList(gv, list.resources.orEmpty())
            }
            DiscoverySnapshot(gs, lists)
        }
    } catch (e: IOException) {
        log.debug("discovery cache in {} unreadable, fetching again", folder, e)
        null
    } catch (e: IllegalArgumentException) { // a file that does not decode
        log.debug("discovery cache in {} does not decode, fetching again", folder)
        null
    }

    /** Writes [snapshot]; a failure is logged, not thrown (the cache is an optimisation). */
    fun write(snapshot: DiscoverySnapshot) {
        try {
            for (list in snapshot.resources) {
                val doc = APIResourceList { apiVersion = "v1"; kind = "APIResourceList"; groupVersion = list.groupVersion.toString(); resources = list.resources }
                atomicWrite(resourcesFile(list.groupVersion), APIResourceList.TYPE.encode(doc))
            }
            val groups = APIGroupList { apiVersion = "v1"; kind = "APIGroupList"; this.groups = snapshot.groups }
            atomicWrite(folder.resolve(GROUPS), APIGroupList.TYPE.encode(groups))
        } catch (e: IOException) {
            log.warn("cannot write the discovery cache in {}: {}", folder, e.toString())
        }
    }

    private fun resourcesFile(gv: GroupVersion): Path =
        (if (gv.group.isEmpty()) folder.resolve(gv.version) else folder.resolve(gv.group).resolve(gv.version)).resolve(RESOURCES)

    private fun fresh(file: Path): ByteArray? {
        if (!Files.isRegularFile(file)) return null
        val age = Duration.between(Files.getLastModifiedTime(file).toInstant(), now())
        return if (age < ttl) Files.readAllBytes(file) else null
    }

    private fun atomicWrite(file: Path, bytes: ByteArray) {
        Files.createDirectories(file.parent)
        val temp = Files.createTempFile(file.parent, file.fileName.toString(), ".tmp")
        try {
            Files.write(temp, bytes)
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
            } catch (e: AtomicMoveNotSupportedException) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING)
            }
        } finally {
            Files.deleteIfExists(temp)
        }
    }

    companion object {
        private val log = LoggerFactory.getLogger(DiskStore::class.java)
        const val GROUPS = "servergroups.json"
        const val RESOURCES = "serverresources.json"
        private val ILLEGAL = Regex("[^(\\w/.)]")

        /** client-go's folder name for a server: the URL without scheme, other than word characters, `/` and `.` replaced by `_`. */
        fun folderName(server: String): String = ILLEGAL.replace(server.removePrefix("https://").removePrefix("http://"), "_")
    }
}
