package io.kubekt.codegen

/** Formats OpenAPI descriptions as KDoc blocks. */
internal object KDoc {
    private const val WIDTH = 110

    /** The KDoc block for [text] at [indent], or nothing when there is no text. */
    fun block(text: String?, indent: String): String {
        val clean = text?.trim()?.takeIf { it.isNotEmpty() } ?: return ""
        val safe = clean.replace("*/", "*&#47;").replace("/*", "&#47;*")
        val lines = ArrayList<String>()
        for (paragraph in safe.split("\n")) {
            if (paragraph.isBlank()) {
                if (lines.isNotEmpty() && lines.last().isNotEmpty()) lines.add("")
                continue
            }
            lines.addAll(wrap(paragraph.trim(), WIDTH - indent.length - 3))
        }
        while (lines.lastOrNull()?.isEmpty() == true) lines.removeAt(lines.size - 1)
        if (lines.size == 1 && lines[0].length <= WIDTH - indent.length - 7) return "$indent/** ${lines[0]} */\n"
        return buildString {
            append(indent).append("/**\n")
            for (l in lines) append(indent).append(if (l.isEmpty()) " *" else " * $l").append('\n')
            append(indent).append(" */\n")
        }
    }

    private fun wrap(text: String, width: Int): List<String> {
        val out = ArrayList<String>()
        val line = StringBuilder()
        for (word in text.split(' ').filter { it.isNotEmpty() }) {
            if (line.isNotEmpty() && line.length + 1 + word.length > width) {
                out.add(line.toString())
                line.setLength(0)
            }
            if (line.isNotEmpty()) line.append(' ')
            line.append(word)
        }
        if (line.isNotEmpty()) out.add(line.toString())
        return out
    }
}
