#include <catch2/catch.hpp>

#include "crypto/loader.hpp"
#include "scenario.hpp"
#include "support/files.hpp"
#include "support/token_fixtures.hpp"

using namespace seed::test;

namespace {

// One real token per process, made by the real program over the protocol.
const std::string& host_token() {
  static const std::string token =
      Scenario("device-non-se", kNonSePolicyOid, "non_se_gsib").attest()["token"].get<std::string>();
  return token;
}

std::vector<std::string> trusting_root() { return {"--ca", shared_test_pki().root_ca().string()}; }

std::vector<std::string> with(std::vector<std::string> options, std::initializer_list<std::string> more) {
  options.insert(options.end(), more);
  return options;
}

// verify must exit 1 and say `why` on stderr.
void check_rejected(const std::string& token, const std::vector<std::string>& options, const std::string& why) {
  const CommandResult result = run_verify(token, options);
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK_THAT(result.err, Catch::Contains("seed-attest verify: rejected: " + why));
}

}  // namespace

TEST_CASE("verify accepts the host's token and prints its claims") {
  const CommandResult result =
      run_verify(host_token(), with(trusting_root(), {"--nonce", kNonce, "--origin", kPortal}));
  CHECK(result.exit_code == 0);
  const nlohmann::json claims = nlohmann::json::parse(result.out);
  CHECK(claims["iss"] == "seed-attest");
  CHECK(claims["aud"] == kPortal);
  CHECK(claims["nonce"] == kNonce);
  CHECK(claims["device_class"] == "non_se_gsib");
  CHECK_THAT(result.err, Catch::Contains("valid ES256 token from CN=device-non-se.devices.test"));
  CHECK_THAT(result.err, Catch::Contains(std::string("(certificate policies: ") + std::string(kNonSePolicyOid) + ")"));
}

TEST_CASE("verify reads the token from a file too") {
  TemporaryDirectory temporary;
  const auto path = temporary.path() / "token.jws";
  seed::test::write_file(path, host_token() + "\n");
  HostProcess verify({{"verify", "--token", path.string(), "--ca", shared_test_pki().root_ca().string()}, {}, {}});
  verify.close_stdin();
  const std::string out = verify.read_rest();
  CHECK(verify.wait() == 0);
  CHECK(nlohmann::json::parse(out)["sub"] ==
        seed::crypto::load_certificate(shared_test_pki().certificate("device-non-se")).serial_hex());
}

TEST_CASE("verify refuses a tampered payload") {
  nlohmann::json payload = split_token(host_token()).payload;
  payload["device_class"] = "se_gsib";
  check_rejected(with_payload(host_token(), payload), trusting_root(),
                 "the signature does not verify with the key of x5c[0]");
}

TEST_CASE("verify refuses a tampered header") {
  nlohmann::json header = split_token(host_token()).header;
  header["x5c"].erase(1);
  check_rejected(with_header(host_token(), header), trusting_root(), "the signature does not verify");
}

TEST_CASE("verify refuses alg none") {
  TokenParts parts = split_token(host_token());
  parts.header["alg"] = "none";
  check_rejected(join_token(parts), trusting_root(), "alg \"none\" is refused");
  check_rejected(unsigned_token(host_token()), trusting_root(), "the signature part is empty");
}

TEST_CASE("verify refuses HS256 keyed with the certificate bytes") {
  const std::string certificate =
      seed::crypto::load_certificate(shared_test_pki().certificate("device-non-se")).der();
  check_rejected(hmac_token(host_token(), certificate), trusting_root(), "alg \"HS256\" is refused");
}

TEST_CASE("verify refuses another nonce and another origin") {
  check_rejected(host_token(), with(trusting_root(), {"--nonce", "BBECAwQFBgcICQoLDA0ODw"}),
                 "nonce \"AAECAwQFBgcICQoLDA0ODw\" is not the expected one");
  check_rejected(host_token(), with(trusting_root(), {"--origin", "https://evil.example"}),
                 "aud \"https://portal.techpass.gov.sg\" is not the expected origin \"https://evil.example\"");
}

TEST_CASE("verify refuses an untrusted root") {
  check_rejected(host_token(), {"--ca", shared_test_pki().certificate("untrusted-root-ca").string()},
                 "the certificate chain does not verify");
  check_rejected(make_token(shared_test_pki(), "device-untrusted"), trusting_root(),
                 "the certificate chain does not verify");
}

TEST_CASE("verify refuses an expired token and an expired certificate") {
  const auto identity = signing_identity(shared_test_pki(), "device-non-se");
  auto claims = seed::token::claims_for(test_statement(), identity,
                                        std::chrono::system_clock::now() - std::chrono::minutes{10});
  check_rejected(seed::token::sign_claims(claims, identity), trusting_root(), "the token expired at ");
  check_rejected(make_token(shared_test_pki(), "device-expired"), trusting_root(),
                 "the certificate chain does not verify: certificate has expired");
}

TEST_CASE("verify refuses a garbage string") {
  check_rejected("garbage", trusting_root(), "a compact JWS has exactly three dot-separated parts");
  check_rejected("", trusting_root(), "the token is empty");
  check_rejected("a.b.c", trusting_root(), "the header part is not base64url without padding");
  check_rejected("e30.e30.e30", trusting_root(), "the header has no alg");  // {}.{}.{}
  check_rejected("bm90IGpzb24.e30.e30", trusting_root(), "the header is not valid UTF-8 JSON");
}

TEST_CASE("verify usage errors exit 2") {
  const auto exit_code = [](const std::vector<std::string>& options) { return run_verify(host_token(), options).exit_code; };
  CHECK(exit_code({}) == 2);                                              // no --ca
  CHECK(exit_code(with(trusting_root(), {"--nonce", "short"})) == 2);     // not a nonce
  CHECK(exit_code(with(trusting_root(), {"--origin", "https://x/y"})) == 2);  // not an origin
  CHECK(exit_code(with(trusting_root(), {"--extra"})) == 2);
  const CommandResult missing_ca = run_verify(host_token(), {"--ca", "/nonexistent/ca.pem"});
  CHECK(missing_ca.exit_code == 1);
  CHECK_THAT(missing_ca.err, Catch::Contains("/nonexistent/ca.pem"));
}
