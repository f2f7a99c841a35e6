#include <openssl/evp.h>

#include <catch2/catch.hpp>

#include "crypto/key_type.hpp"
#include "crypto/loader.hpp"
#include "support/test_pki.hpp"

using namespace seed::crypto;
using seed::test::shared_test_pki;

TEST_CASE("a key pairs only with its own certificate") {
  const auto& pki = shared_test_pki();
  const Certificate se = load_certificate(pki.certificate("device-se"));
  CHECK(load_private_key(pki.key("device-se")).pairs_with(se));
  CHECK_FALSE(load_private_key(pki.key("device-non-se")).pairs_with(se));
  CHECK_FALSE(load_private_key(pki.key("device-mismatched"))
                  .pairs_with(load_certificate(pki.certificate("device-mismatched"))));
  // Different key types answer false, not an error.
  CHECK_FALSE(load_private_key(pki.key("device-rsa")).pairs_with(se));
  CHECK(load_private_key(pki.key("device-rsa")).pairs_with(load_certificate(pki.certificate("device-rsa"))));
}

TEST_CASE("key types: EC P-256 and RSA 2048 sign tokens, others do not") {
  const auto& pki = shared_test_pki();
  const PrivateKey ec = load_private_key(pki.key("device-se"));
  CHECK(key_type(ec.get()) == KeyType::ec_p256);
  CHECK(describe_key(ec.get()) == "EC P-256");
  const PrivateKey rsa = load_private_key(pki.key("device-rsa"));
  CHECK(key_type(rsa.get()) == KeyType::rsa);
  CHECK(describe_key(rsa.get()) == "RSA 2048-bit");

  const KeyPtr p384(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
  REQUIRE(p384);
  CHECK(key_type(p384.get()) == KeyType::unsupported);
  CHECK(describe_key(p384.get()) == "EC secp384r1");
  const KeyPtr small_rsa(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(1024)));
  REQUIRE(small_rsa);
  CHECK(key_type(small_rsa.get()) == KeyType::unsupported);
  const KeyPtr ed25519(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  REQUIRE(ed25519);
  CHECK(key_type(ed25519.get()) == KeyType::unsupported);
  CHECK(describe_key(ed25519.get()) == "ED25519");
}

TEST_CASE("copies of a private key share the same key") {
  const PrivateKey original = load_private_key(shared_test_pki().key("device-se"));
  PrivateKey copy = original;
  CHECK(copy.get() == original.get());
  copy = load_private_key(shared_test_pki().key("device-rsa"));
  CHECK(key_type(copy.get()) == KeyType::rsa);
  CHECK(key_type(original.get()) == KeyType::ec_p256);
  CHECK(original.pairs_with(load_certificate(shared_test_pki().certificate("device-se"))));
}
