#include <catch2/catch.hpp>

#include "common/base64url.hpp"
#include "token/compact_jws.hpp"
#include "token/token_error.hpp"

using namespace seed::token;
using seed::base64url::encode;

namespace {

std::string problem_of(std::string_view token) {
  try {
    split_compact(token);
  } catch (const TokenError& error) {
    CHECK(error.failure() == TokenFailure::malformed);
    return error.what();
  }
  return "(accepted)";
}

const std::string kHeader = encode(R"({"alg":"ES256"})");
const std::string kPayload = encode(R"({"iss":"seed-attest"})");

}  // namespace

TEST_CASE("a compact JWS splits into header, payload, signing input and signature") {
  const nlohmann::json header = {{"alg", "ES256"}};
  const nlohmann::json payload = {{"iss", "seed-attest"}};
  const std::string input = signing_input(header, payload);
  CHECK(input == kHeader + "." + kPayload);
  const std::string token = join_compact(input, "sig\x01");
  const CompactJws jws = split_compact(token);
  CHECK(jws.header == header);
  CHECK(jws.payload == payload);
  CHECK(jws.signing_input == input);
  CHECK(jws.signature == "sig\x01");
}

TEST_CASE("a compact JWS must have three non-empty base64url parts") {
  CHECK(problem_of("") == "the token is empty");
  CHECK(problem_of("garbage") == "a compact JWS has exactly three dot-separated parts");
  CHECK(problem_of(kHeader + "." + kPayload) == "a compact JWS has exactly three dot-separated parts");
  CHECK(problem_of(kHeader + "." + kPayload + ".c2ln.c2ln") == "a compact JWS has exactly three dot-separated parts");
  CHECK(problem_of(kHeader + "." + kPayload + ".") == "the signature part is empty");
  CHECK(problem_of("." + kPayload + ".c2ln") == "the header part is empty");
  CHECK(problem_of(kHeader + ".." + "c2ln") == "the payload part is empty");
  CHECK(problem_of(kHeader + "=." + kPayload + ".c2ln") == "the header part is not base64url without padding");
  CHECK(problem_of(kHeader + "." + kPayload + ".c2l+") == "the signature part is not base64url without padding");
  CHECK(problem_of(kHeader + "." + kPayload + " .c2ln") == "the payload part is not base64url without padding");
  CHECK(problem_of(encode("[]") + "." + kPayload + ".c2ln") == "the header is not a JSON object");
  CHECK_THAT(problem_of(kHeader + "." + encode("{") + ".c2ln"), Catch::StartsWith("the payload is not valid"));
  CHECK(problem_of(kHeader + "." + kPayload + ".c2ln") == "(accepted)");
  CHECK_THAT(problem_of(std::string(kMaxTokenLength + 1, 'a')), Catch::Contains("longer than"));
}
