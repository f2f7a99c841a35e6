#include <catch2/catch.hpp>

#include "messaging/attest_request.hpp"

using seed::messaging::nonce_problem;
using seed::messaging::origin_problem;

TEST_CASE("nonces are 22 to 256 base64url characters of at least 16 bytes", "[attest]") {
  CHECK_FALSE(nonce_problem("AAAAAAAAAAAAAAAAAAAAAA"));  // 22 chars, 16 bytes
  CHECK_FALSE(nonce_problem(std::string(256, 'A')));
  CHECK(nonce_problem("AAAAAAAAAAAAAAAAAAAAA"));      // 21
  CHECK(nonce_problem(std::string(257, 'A')));
  CHECK(nonce_problem("AAAAAAAAAAAAAAAAAAAAA="));     // padding
  CHECK(nonce_problem("AAAAAAAAAAAAAAAAAAAA+/"));     // standard alphabet
  CHECK(nonce_problem("AAAAAAAAAAAAAAAAAAAAA B"));    // space
  CHECK(nonce_problem(std::string(25, 'A')));         // impossible length
}

TEST_CASE("origins are https, host and optional port only", "[attest]") {
  CHECK_FALSE(origin_problem("https://portal.techpass.gov.sg"));
  CHECK_FALSE(origin_problem("https://portal.techpass.gov.sg:8443"));
  CHECK_FALSE(origin_problem("https://localhost"));
  CHECK_FALSE(origin_problem("https://[::1]:443"));
  CHECK(origin_problem("http://portal.techpass.gov.sg"));
  CHECK(origin_problem("https://portal.techpass.gov.sg/"));
  CHECK(origin_problem("https://portal.techpass.gov.sg/my-account"));
  CHECK(origin_problem("https://portal.techpass.gov.sg?x=1"));
  CHECK(origin_problem("https://portal.techpass.gov.sg#f"));
  CHECK(origin_problem("https://user@portal.techpass.gov.sg"));
  CHECK(origin_problem("https://portal.techpass.gov.sg:0"));
  CHECK(origin_problem("https://portal.techpass.gov.sg:65536"));
  CHECK(origin_problem("https://portal.techpass.gov.sg:"));
  CHECK(origin_problem("https://Portal.TechPass.gov.sg"));
  CHECK(origin_problem("https://"));
  CHECK(origin_problem("https://-bad.example"));
  CHECK(origin_problem("https://a..b"));
  CHECK(origin_problem("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak"));
  CHECK(origin_problem("https://" + std::string(250, 'a') + ".sg"));
}
