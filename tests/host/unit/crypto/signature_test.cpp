#include <catch2/catch.hpp>

#include "crypto/crypto_error.hpp"
#include "crypto/loader.hpp"
#include "crypto/signature.hpp"
#include "support/test_pki.hpp"

using namespace seed::crypto;
using seed::test::shared_test_pki;

TEST_CASE("SHA-256 signatures verify with the certificate's key and fail on changed data") {
  const auto& pki = shared_test_pki();
  for (const char* device : {"device-se", "device-rsa"}) {
    INFO(device);
    const PrivateKey key = load_private_key(pki.key(device));
    const Certificate certificate = load_certificate(pki.certificate(device));
    const std::string signature = sign_sha256(key, "header.payload");
    CHECK(verify_sha256(certificate.public_key(), "header.payload", signature));
    CHECK_FALSE(verify_sha256(certificate.public_key(), "header.payloaD", signature));
    CHECK_FALSE(verify_sha256(certificate.public_key(), "header.payload", signature.substr(1)));
    CHECK_FALSE(verify_sha256(certificate.public_key(), "header.payload", ""));
    const Certificate other = load_certificate(pki.certificate("device-non-se"));
    CHECK_FALSE(verify_sha256(other.public_key(), "header.payload", signature));
  }
  CHECK(sign_sha256(load_private_key(pki.key("device-rsa")), "x").size() == 256);
}

TEST_CASE("ECDSA signatures convert between DER and fixed-size r||s") {
  const auto& pki = shared_test_pki();
  const PrivateKey key = load_private_key(pki.key("device-non-se"));
  const Certificate certificate = load_certificate(pki.certificate("device-non-se"));
  for (int round = 0; round < 20; ++round) {  // some r or s will be shorter than 32 bytes
    const std::string der = sign_sha256(key, "data " + std::to_string(round));
    const std::string raw = ecdsa_der_to_raw(der, 32);
    CHECK(raw.size() == 64);
    const auto back = ecdsa_raw_to_der(raw);
    REQUIRE(back);
    CHECK(*back == der);
    CHECK(verify_sha256(certificate.public_key(), "data " + std::to_string(round), *back));
  }
}

TEST_CASE("malformed ECDSA signatures are refused") {
  CHECK_THROWS_AS(ecdsa_der_to_raw("not DER", 32), CryptoError);
  CHECK_THROWS_AS(ecdsa_der_to_raw("", 32), CryptoError);
  const std::string der = sign_sha256(load_private_key(shared_test_pki().key("device-se")), "x");
  CHECK_THROWS_AS(ecdsa_der_to_raw(der + '\0', 32), CryptoError);
  CHECK_THROWS_AS(ecdsa_der_to_raw(der, 8), CryptoError);  // r and s do not fit in 8 bytes
  CHECK_FALSE(ecdsa_raw_to_der(""));
  CHECK_FALSE(ecdsa_raw_to_der(std::string(63, 'a')));
}
