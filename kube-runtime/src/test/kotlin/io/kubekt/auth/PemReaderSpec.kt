package io.kubekt.auth

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.config.PemSource
import io.kubekt.error.TlsException
import io.kubekt.testing.Issued
import io.kubekt.testing.KeyKind
import io.kubekt.testing.TestCertificates
import org.bouncycastle.openssl.jcajce.JcaPEMWriter
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder
import org.bouncycastle.util.io.pem.PemObject
import java.io.StringWriter
import java.nio.file.Files
import java.security.PrivateKey
import java.security.interfaces.ECPrivateKey
import java.security.interfaces.RSAPrivateCrtKey
import java.util.Base64

class PemReaderSpec : FunSpec({
    val ca = TestCertificates.ca(kind = KeyKind.RSA)
    val rsa = TestCertificates.client(ca, "rsa-user", kind = KeyKind.RSA)
    val ec = TestCertificates.client(ca, "ec-user", kind = KeyKind.EC)

    fun data(text: String) = PemSource.Data(text.toByteArray())

    fun PrivateKey.sameAs(issued: Issued) = when (this) {
        is RSAPrivateCrtKey -> privateExponent == (issued.privateKey as RSAPrivateCrtKey).privateExponent
        is ECPrivateKey -> s == (issued.privateKey as ECPrivateKey).s
        else -> false
    }

    fun pem(type: String, bytes: ByteArray) = StringWriter().also { w -> JcaPEMWriter(w).use { it.writeObject(PemObject(type, bytes)) } }.toString()

    test("reads an RSA key in PKCS#1 (BEGIN RSA PRIVATE KEY)") {
        rsa.keyPemTraditional shouldContain "BEGIN RSA PRIVATE KEY"
        PemReader.privateKey(data(rsa.keyPemTraditional)).sameAs(rsa) shouldBe true
    }

    test("reads an RSA key in PKCS#8 (BEGIN PRIVATE KEY)") {
        PemReader.privateKey(data(rsa.keyPemPkcs8)).sameAs(rsa) shouldBe true
    }

    test("reads an EC key in SEC1 (BEGIN EC PRIVATE KEY)") {
        ec.keyPemTraditional shouldContain "BEGIN EC PRIVATE KEY"
        PemReader.privateKey(data(ec.keyPemTraditional)).sameAs(ec) shouldBe true
    }

    test("reads an EC key after an EC PARAMETERS block, also when only that block names the curve") {
        PemReader.privateKey(data(ec.ecParametersPem + ec.keyPemTraditional)).sameAs(ec) shouldBe true
        val curveless = pem("EC PRIVATE KEY", ec.sec1(withCurve = false).encoded)
        PemReader.privateKey(data(ec.ecParametersPem + curveless)).sameAs(ec) shouldBe true
        shouldThrow<TlsException> { PemReader.privateKey(data(curveless)) }.message shouldContain "does not name its curve"
    }

    test("reads an EC key in PKCS#8") {
        PemReader.privateKey(data(ec.keyPemPkcs8)).sameAs(ec) shouldBe true
    }

    test("reads a certificate chain in order") {
        val chain = PemReader.certificates(data(rsa.certPem + ca.certPem))
        chain shouldBe listOf(rsa.certificate, ca.certificate)
    }

    test("reads a key and certificate from one file, skipping other blocks") {
        val file = Files.createTempFile("kubekt", ".pem")
        try {
            Files.writeString(file, "comment line\n" + ec.certPem + ec.keyPemTraditional)
            PemReader.certificates(PemSource.File(file), "client-certificate") shouldBe listOf(ec.certificate)
            PemReader.privateKey(PemSource.File(file), "client-key").sameAs(ec) shouldBe true
        } finally {
            Files.delete(file)
        }
    }

    test("a key that does not belong to the certificate is reported clearly") {
        val other = TestCertificates.client(ca, "someone-else", kind = KeyKind.EC)
        val e = shouldThrow<TlsException> {
            ClientKeyMaterial.fromPem(ec.certPem.toByteArray(), other.keyPemPkcs8.toByteArray(), "cert.pem", "key.pem")
        }
        e.message shouldContain "does not belong to the client certificate"
        e.message shouldContain "CN=ec-user"
        KeyPairCheck.matches(rsa.certificate.publicKey, rsa.privateKey) shouldBe true
        KeyPairCheck.matches(rsa.certificate.publicKey, ec.privateKey) shouldBe false
        KeyPairCheck.matches(rsa.certificate.publicKey, TestCertificates.client(ca, "x", kind = KeyKind.RSA).privateKey) shouldBe false
    }

    test("garbage is reported with its origin and field but without its bytes") {
        val garbage = "not-a-pem-but-a-secret-0123456789abcdef"
        val e = shouldThrow<TlsException> { PemReader.certificates(data(garbage), "client-certificate") }
        e.message shouldContain "inline data (kubeconfig client-certificate-data)"
        e.message shouldNotContain garbage
        val broken = "-----BEGIN CERTIFICATE-----\nc2VjcmV0LWJ5dGVzLXRoYXQtYXJlLW5vdC1hLWNlcnQ=\n-----END CERTIFICATE-----\n"
        val e2 = shouldThrow<TlsException> { PemReader.certificates(data(broken), "certificate-authority") }
        e2.message shouldContain "certificate-authority-data"
        e2.stackTraceToString() shouldNotContain "c2VjcmV0LWJ5dGVz"
        val keyText = ec.keyPemPkcs8
        val e3 = shouldThrow<TlsException> { PemReader.certificates(data(keyText)) }
        e3.message shouldContain "No PEM CERTIFICATE block"
        e3.message shouldNotContain keyText.lines()[1]
    }

    test("a missing file is reported with its path and kubeconfig field") {
        val path = Files.createTempDirectory("kubekt").resolve("missing.key")
        val e = shouldThrow<TlsException> { PemReader.privateKey(PemSource.File(path), "client-key") }
        e.message shouldContain "$path (kubeconfig client-key) does not exist"
    }

    test("an encrypted key is rejected clearly") {
        val encryptor = JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.PBE_SHA1_3DES).setPassword("pw".toCharArray()).build()
        val encrypted = StringWriter().also { w -> JcaPEMWriter(w).use { it.writeObject(JcaPKCS8Generator(ec.privateKey, encryptor)) } }.toString()
        encrypted shouldContain "ENCRYPTED PRIVATE KEY"
        shouldThrow<TlsException> { PemReader.privateKey(data(encrypted)) }.message shouldContain "is encrypted"
    }

    test("a certificate is not taken for a key") {
        val e = shouldThrow<TlsException> { PemReader.privateKey(data(ec.certPem), "client-key") }
        e.message shouldContain "No PEM private key"
        e.message shouldNotContain Base64.getEncoder().encodeToString(ec.certificate.encoded).take(40)
    }
})
