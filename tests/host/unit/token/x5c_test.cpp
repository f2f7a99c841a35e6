#include <catch2/catch.hpp>

#include "crypto/loader.hpp"
#include "support/test_pki.hpp"
#include "token/token_error.hpp"
#include "token/x5c.hpp"

using namespace seed::token;
using seed::test::shared_test_pki;

TEST_CASE("standard base64 follows the RFC 4648 test vectors") {
  const std::pair<std::string, std::string> vectors[] = {{"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [bytes, text] : vectors) {
    CHECK(base64_encode(bytes) == text);
    CHECK(base64_decode(text) == bytes);
  }
  CHECK(base64_encode("\xfb\xff") == "+/8=");
  CHECK(base64_decode("+/8=") == std::string("\xfb\xff"));
}

TEST_CASE("standard base64 decoding is strict") {
  CHECK_FALSE(base64_decode("-_8="));    // base64url alphabet
  CHECK_FALSE(base64_decode("Zg"));      // padding missing
  CHECK_FALSE(base64_decode("Zg="));     // padding short
  CHECK_FALSE(base64_decode("Zm8=="));   // padding too long
  CHECK_FALSE(base64_decode("Zg==Zg==")); // padding inside
  CHECK_FALSE(base64_decode("Zh=="));    // unused bits set
  CHECK_FALSE(base64_decode("===="));
  CHECK_FALSE(base64_decode("Zm9v\n"));
}

TEST_CASE("x5c carries the chain as base64 DER, signing certificate first") {
  const auto& pki = shared_test_pki();
  const std::vector<seed::crypto::Certificate> chain{seed::crypto::load_certificate(pki.certificate("device-se")),
                                                     seed::crypto::load_certificate(pki.issuing_ca())};
  const nlohmann::json x5c = encode_x5c(chain);
  REQUIRE(x5c.size() == 2);
  CHECK(base64_decode(x5c[0].get<std::string>()) == chain[0].der());
  const auto decoded = decode_x5c(x5c);
  REQUIRE(decoded.size() == 2);
  CHECK(decoded[0].serial_hex() == chain[0].serial_hex());
  CHECK(decoded[1].der() == chain[1].der());
}

TEST_CASE("x5c refuses what is not a short list of certificates") {
  const auto problem = [](const nlohmann::json& x5c) -> std::string {
    try {
      decode_x5c(x5c);
    } catch (const TokenError& error) {
      CHECK(error.failure() == TokenFailure::malformed);
      return error.what();
    }
    return "(accepted)";
  };
  CHECK_THAT(problem(nlohmann::json::array()), Catch::Contains("array of 1 to 8"));
  CHECK_THAT(problem("MIIB"), Catch::Contains("array of 1 to 8"));
  CHECK_THAT(problem(nlohmann::json::array({1})), Catch::Contains("x5c[0] is not a string"));
  CHECK_THAT(problem({"Zm9v"}), Catch::Contains("x5c[0]: not a DER certificate"));
  CHECK_THAT(problem({"not base64!"}), Catch::Contains("x5c[0] is not standard base64"));
  const std::string good = base64_encode(seed::crypto::load_certificate(shared_test_pki().root_ca()).der());
  CHECK_THAT(problem({good, "Zm9v"}), Catch::Contains("x5c[1]"));
  CHECK_THAT(problem(nlohmann::json(std::vector<std::string>(9, good))), Catch::Contains("array of 1 to 8"));
}
