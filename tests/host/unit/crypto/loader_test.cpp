#include <openssl/evp.h>
#include <openssl/pem.h>

#include <catch2/catch.hpp>
#include <functional>

#include "crypto/crypto_error.hpp"
#include "crypto/loader.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed::crypto;
using seed::test::shared_test_pki;
using seed::test::read_file;
using seed::test::TemporaryDirectory;
using seed::test::write_file;

namespace {

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const CryptoError& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a PEM file with several certificates loads all of them in order") {
  const auto& pki = shared_test_pki();
  TemporaryDirectory temporary;
  const auto bundle = temporary.path() / "bundle.pem";
  write_file(bundle, read_file(pki.issuing_ca()) + read_file(pki.root_ca()));
  const auto certificates = load_certificates(bundle.string());
  REQUIRE(certificates.size() == 2);
  CHECK(certificates[0].subject_values("CN") == std::vector<std::string>{"SEED Test Issuing CA"});
  CHECK(certificates[1].subject_values("CN") == std::vector<std::string>{"SEED Test Root CA"});
}

TEST_CASE("a file: store URI loads like a path") {
  const auto& pki = shared_test_pki();
  const auto from_uri = load_certificate("file:" + pki.certificate("device-se").string());
  CHECK(from_uri.serial_hex() == load_certificate(pki.certificate("device-se").string()).serial_hex());
  const PrivateKey key = load_private_key("file:" + pki.key("device-se").string());
  CHECK(key.pairs_with(from_uri));
}

TEST_CASE("a missing file is a CryptoError naming the location and the reason") {
  const std::string message = error_of([] { load_certificate("/nonexistent/device.pem"); });
  CHECK_THAT(message, Catch::Contains("/nonexistent/device.pem"));
  CHECK_THAT(message, Catch::Contains("No such file"));
  CHECK_THAT(error_of([] { load_private_key("/nonexistent/device.key"); }), Catch::Contains("/nonexistent/device.key"));
  CHECK_THAT(error_of([] { load_certificate(""); }), Catch::Contains("no certificate location"));
}

TEST_CASE("files without the expected object are refused") {
  const auto& pki = shared_test_pki();
  TemporaryDirectory temporary;
  const auto garbage = temporary.path() / "garbage.pem";
  write_file(garbage, "this is not PEM\n");
  CHECK_THAT(error_of([&] { load_certificate(garbage.string()); }), Catch::Contains("garbage.pem"));
  CHECK_THAT(error_of([&] { load_private_key(garbage.string()); }), Catch::Contains("garbage.pem"));
  // A certificate where a key is expected, and the other way round.
  CHECK_THAT(error_of([&] { load_private_key(pki.certificate("device-se").string()); }),
             Catch::Contains("no private key"));
  CHECK_THAT(error_of([&] { load_certificate(pki.key("device-se").string()); }), Catch::Contains("no certificate"));
}

TEST_CASE("a passphrase-protected key fails to load instead of prompting") {
  TemporaryDirectory temporary;
  const auto path = temporary.path() / "locked.key";
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  REQUIRE(key != nullptr);
  BIO* bio = BIO_new_file(path.c_str(), "w");
  REQUIRE(bio != nullptr);
  static const char kPassphrase[] = "correct horse";
  CHECK(PEM_write_bio_PKCS8PrivateKey(bio, key, EVP_aes_256_cbc(), kPassphrase, sizeof kPassphrase - 1, nullptr,
                                      nullptr) == 1);
  BIO_free(bio);
  EVP_PKEY_free(key);
  CHECK_THROWS_AS(load_private_key(path.string()), CryptoError);
}

TEST_CASE("DER files, which the PEM reader does not take, load through the store") {
  const auto& pki = shared_test_pki();
  TemporaryDirectory temporary;
  const Certificate pem = load_certificate(pki.certificate("device-se").string());
  const PrivateKey pem_key = load_private_key(pki.key("device-se").string());

  unsigned char* der = nullptr;
  const int length = i2d_X509(pem.get(), &der);
  REQUIRE(length > 0);
  const auto certificate_path = temporary.path() / "device.der";
  write_file(certificate_path, std::string(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
  OPENSSL_free(der);
  CHECK(load_certificate(certificate_path.string()).serial_hex() == pem.serial_hex());

  unsigned char* key_der = nullptr;
  const int key_length = i2d_PrivateKey(pem_key.get(), &key_der);
  REQUIRE(key_length > 0);
  const auto key_path = temporary.path() / "device-key.der";
  write_file(key_path, std::string(reinterpret_cast<const char*>(key_der), static_cast<std::size_t>(key_length)));
  OPENSSL_free(key_der);
  CHECK(load_private_key(key_path.string()).pairs_with(pem));
}

TEST_CASE("store URIs are told from paths") {
  CHECK(is_store_uri("pkcs11:token=gsib;object=device"));
  CHECK(is_store_uri("tpm2:handle=0x81000001"));
  CHECK(is_store_uri("file:/etc/seed/device.pem"));
  CHECK_FALSE(is_store_uri("/etc/seed/device.pem"));
  CHECK_FALSE(is_store_uri("C:\\ProgramData\\seed\\device.pem"));
  CHECK_FALSE(is_store_uri("relative/device.pem"));
  CHECK_FALSE(is_store_uri(""));
  CHECK_FALSE(is_store_uri("a b:c"));
}
