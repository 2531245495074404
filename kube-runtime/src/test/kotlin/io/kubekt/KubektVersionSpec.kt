package io.kubekt

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.string.shouldStartWith

class KubektVersionSpec : FunSpec({
    test("version is a semantic version") { KubektVersion.VERSION shouldStartWith "0." }
})
