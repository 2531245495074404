package io.kubekt.request

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.api.meta.v1.LabelSelectorRequirement
import io.kubekt.api.meta.v1.LabelSelector as LabelSelectorModel

private fun invalid(block: () -> Unit): String = shouldThrow<IllegalArgumentException>(block).message.orEmpty()

class LabelSelectorSpec : FunSpec({
    test("a block renders every operator as the API server reads it, in the order written, sets sorted") {
        LabelSelector {
            "app" eq "web"
            "tier" notIn setOf("db")
            exists("env")
            notExists("x")
            "a" ne "b"
            "c" `in` setOf("z", "y", "z")
        }.toString() shouldBe "app=web,tier notin (db),env,!x,a!=b,c in (y,z)"
    }

    test("the Java builder makes the same selector as the Kotlin block") {
        LabelSelector.builder().eq("app", "web").notIn("tier", setOf("db", "cache")).exists("env").build() shouldBe
            LabelSelector { "app" eq "web"; "tier" notIn setOf("cache", "db"); exists("env") }
        LabelSelector.builder().eq("app", "web").build().toString() shouldBe "app=web"
    }

    test("an empty selector renders empty and selects everything") {
        LabelSelector { }.toString() shouldBe ""
        LabelSelector { }.isEmpty() shouldBe true
        LabelSelector.EVERYTHING.matches(emptyMap()) shouldBe true
        LabelSelector.parse("  ") shouldBe LabelSelector.EVERYTHING
    }

    test("prefixed keys, long names and empty values are valid label syntax") {
        val key = "example.com/" + "a".repeat(63)
        LabelSelector { key eq ""; "k8s.io/app_name-1.x" ne "v_1.2-b"; "A" `in` setOf("B", "") }.toString() shouldBe
            "$key=,k8s.io/app_name-1.x!=v_1.2-b,A in (,B)"
    }

    context("invalid keys fail when built, naming the key and the rule") {
        withData(
            nameFn = { "key '${it.first}'" },
            "" to "invalid label key \"\": a key must not be empty",
            "-app" to "invalid label key \"-app\": the name must consist of alphanumerics, '-', '_' or '.', " +
                "and start and end with an alphanumeric ([A-Za-z0-9])",
            "app." to "invalid label key \"app.\": the name must consist of",
            "a b" to "invalid label key \"a b\": the name must consist of",
            "a".repeat(64) to "invalid label key \"${"a".repeat(64)}\": the name must be at most 63 characters, was 64",
            "/app" to "invalid label key \"/app\": the prefix before '/' must not be empty",
            "Example.com/app" to "invalid label key \"Example.com/app\": the prefix \"Example.com\" must be a DNS subdomain",
            "example.com/" to "invalid label key \"example.com/\": the name part \"\" must not be empty",
            "example.com/a/b" to "invalid label key \"example.com/a/b\": the name part \"a/b\" must consist of",
            "${"a".repeat(254)}/x" to "invalid label key \"${"a".repeat(254)}/x\": the prefix must be at most 253 characters, was 254",
        ) { (key, message) ->
            invalid { LabelSelector.builder().exists(key) } shouldContain message
        }
    }

    context("invalid values fail when built, naming the value and its key") {
        withData(
            nameFn = { "value '${it.first}'" },
            "-web" to "invalid label value \"-web\" for key \"app\": a value must be empty or must consist of alphanumerics",
            "web/1" to "invalid label value \"web/1\" for key \"app\": a value must be empty or must consist of",
            "v".repeat(64) to "invalid label value \"${"v".repeat(64)}\" for key \"app\": a value must be at most 63 characters, was 64",
        ) { (value, message) ->
            invalid { LabelSelector { "app" eq value } } shouldContain message
            invalid { LabelSelector { "app" notIn setOf("ok", value) } } shouldContain message
        }
    }

    test("an empty set for in or notin is refused, naming the key") {
        invalid { LabelSelector { "tier" `in` emptySet() } } shouldBe
            "invalid label requirement for key \"tier\": 'in' needs at least one value, the set was empty"
        invalid { LabelSelector.builder().notIn("tier", emptyList()) } shouldBe
            "invalid label requirement for key \"tier\": 'notin' needs at least one value, the set was empty"
    }

    context("parsing the rendered form gives the same selector back") {
        withData(
            "app=web,tier notin (db),env,!x,a!=b,c in (y,z)",
            "example.com/app=,k in (,a)",
            "app=in,in in (notin)",
        ) { text ->
            LabelSelector.parse(text).toString() shouldBe text
            LabelSelector.parse(LabelSelector.parse(text).toString()) shouldBe LabelSelector.parse(text)
        }
    }

    test("parsing accepts the server's spellings: spaces, '==', unsorted sets and empty values") {
        LabelSelector.parse(" app == web , tier notin ( db , cache ),  ! x, env, k= , s in (b,a)").toString() shouldBe
            "app=web,tier notin (cache,db),!x,env,k=,s in (a,b)"
    }

    context("malformed strings fail with the position and what was expected") {
        withData(
            "app=web," to "invalid label selector \"app=web,\": expected a label key at position 8 (found the end)",
            "app in db" to "invalid label selector \"app in db\": expected '(' at position 7 (found 'd')",
            "app in (a" to "invalid label selector \"app in (a\": expected ',' at position 9 (found the end)",
            "app foo" to "invalid label selector \"app foo\": expected an operator (=, ==, !=, in, notin) at position 4 (found \"foo\")",
            "x>1" to "invalid label selector \"x>1\": operator '>' is not supported in label selectors at position 1 (found '>')",
            "app in ()" to "invalid label selector \"app in ()\": invalid label requirement for key \"app\": 'in' needs at least one value",
            "app=-x" to "invalid label selector \"app=-x\": invalid label value \"-x\" for key \"app\"",
            "!" to "invalid label selector \"!\": expected a label key after '!' at position 1 (found the end)",
        ) { text ->
            invalid { LabelSelector.parse(text.first) } shouldContain text.second
        }
    }

    test("matches follows the server: absent labels satisfy != and notin, not = or in") {
        val selector = LabelSelector.parse("app=web,tier notin (db),env,!x")
        selector.matches(mapOf("app" to "web", "env" to "")) shouldBe true
        selector.matches(mapOf("app" to "web", "env" to "prod", "tier" to "front")) shouldBe true
        selector.matches(mapOf("app" to "web", "env" to "prod", "tier" to "db")) shouldBe false
        selector.matches(mapOf("app" to "web", "env" to "prod", "x" to "1")) shouldBe false
        selector.matches(mapOf("app" to "api", "env" to "prod")) shouldBe false
        selector.matches(mapOf("env" to "prod")) shouldBe false
        selector.matches(mapOf("app" to "web")) shouldBe false
        LabelSelector.parse("a!=b").matches(emptyMap()) shouldBe true
        LabelSelector.parse("a in (b,c)").matches(mapOf("a" to "c")) shouldBe true
        LabelSelector.parse("a in (b,c)").matches(emptyMap()) shouldBe false
    }

    test("a meta/v1 LabelSelector model becomes its matchLabels by key, then its matchExpressions") {
        val model = LabelSelectorModel {
            matchLabels("tier" to "front", "app" to "web")
            matchExpression { key = "env"; operator = "In"; values = listOf("staging", "prod") }
            matchExpression { key = "track"; operator = "NotIn"; value("canary") }
            matchExpression { key = "team"; operator = "Exists" }
            matchExpression { key = "legacy"; operator = "DoesNotExist" }
        }
        val selector = LabelSelector.from(model)
        selector.toString() shouldBe "app=web,tier=front,env in (prod,staging),track notin (canary),team,!legacy"
        selector.matches(mapOf("app" to "web", "tier" to "front", "env" to "prod", "team" to "a")) shouldBe true
        selector.matches(mapOf("app" to "web", "tier" to "front", "env" to "dev", "team" to "a")) shouldBe false
        LabelSelector.from(LabelSelectorModel { }) shouldBe LabelSelector.EVERYTHING
    }

    test("a model with an unknown operator or a bad requirement is refused, naming the key") {
        invalid { LabelSelector.from(LabelSelectorModel { matchExpression { key = "a"; operator = "Gt"; value("1") } }) } shouldBe
            "invalid matchExpressions entry for key \"a\": operator \"Gt\" is not In, NotIn, Exists or DoesNotExist"
        invalid { LabelSelector.from(LabelSelectorModel { matchExpression(LabelSelectorRequirement { operator = "Exists" }) }) } shouldBe
            "invalid matchExpressions entry: the key is missing"
        invalid { LabelSelector.from(LabelSelectorModel { matchExpression { key = "a"; operator = "Exists"; value("1") } }) } shouldBe
            "invalid label requirement for key \"a\": 'exists' takes no values, got [1]"
    }

    test("toBuilder adds to a copy and leaves the original alone") {
        val base = LabelSelector { "app" eq "web" }
        base.toBuilder().exists("env").build().toString() shouldBe "app=web,env"
        base.toString() shouldBe "app=web"
    }
})
