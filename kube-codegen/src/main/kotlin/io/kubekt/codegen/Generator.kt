package io.kubekt.codegen

import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path
import kotlin.io.path.extension
import kotlin.io.path.isRegularFile

/** Runs the generator: reads the spec and writes (only changed) sources; returns what it did. */
public class Generator(private val options: CodegenOptions) {
    /** Counts of one run. */
    public class Result(public val models: Int, public val resources: Int, public val written: Int, public val deleted: Int)

    /** The generated sources, keyed by output root, as relative path -> text. */
    public fun sources(): Map<Path, Map<String, String>> {
        val text = try {
            Files.readString(options.spec)
        } catch (e: NoSuchFileException) {
            throw CodegenException("spec file ${options.spec} does not exist")
        }
        val reader = SpecReader(options.spec.fileName.toString(), text)
        val all = reader.definitions
        val selected = options.include?.let { re -> all.filter { re.containsMatchIn(it.name) } } ?: all
        if (selected.isEmpty()) throw CodegenException("no definitions in ${options.spec} match ${options.include}")
        val index = SpecIndex(selected, reader.resources(), PackageMapping(options.packages))
        val emitter = ModelEmitter(index)
        val models = LinkedHashMap<String, String>()
        for (def in selected) {
            val fqcn = index.className(def.name)
            models[fqcn.replace('.', '/').replace("`", "") + ".kt"] = emitter.emit(def)
        }
        options.registry?.let { models += RegistryEmitter(index).emit(it, options.spec.fileName.toString()) }
        val result = linkedMapOf<Path, Map<String, String>>(options.out to models)
        options.dslOut?.let { result[it] = DslEmitter(index).emit() }
        options.clientsetOut?.let { result[it] = ClientsetEmitter(index).emit() }
        return result
    }

    /** Generates and writes the sources. */
    public fun run(): Result {
        val all = sources()
        var written = 0
        var deleted = 0
        for ((root, files) in all) {
            for ((rel, text) in files) {
                val file = root.resolve(rel)
                if (Files.exists(file) && Files.readString(file) == text) continue
                Files.createDirectories(file.parent)
                Files.writeString(file, text)
                written++
            }
            if (options.clean && Files.isDirectory(root)) {
                val keep = files.keys.map { root.resolve(it).normalize() }.toSet()
                Files.walk(root).use { paths ->
                    paths.filter { it.isRegularFile() && it.extension == "kt" && it.normalize() !in keep }.toList()
                }.forEach {
                    Files.delete(it)
                    deleted++
                }
            }
        }
        val models = all.getValue(options.out).size
        return Result(models, all[options.dslOut]?.size ?: 0, written, deleted)
    }
}
