#include <catch2/catch.hpp>
#include <chrono>

#include "crypto/chain.hpp"
#include "crypto/loader.hpp"
#include "support/test_pki.hpp"

using namespace seed::crypto;
using seed::test::shared_test_pki;

namespace {

struct Fixture {
  std::vector<Certificate> anchors{load_certificate(shared_test_pki().root_ca())};
  std::vector<Certificate> intermediates{load_certificate(shared_test_pki().issuing_ca())};
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();

  ChainVerification verify(const std::string& device) const {
    return verify_chain(load_certificate(shared_test_pki().certificate(device)), intermediates, anchors, now);
  }
};

}  // namespace

TEST_CASE("a device certificate verifies through the issuing CA to the root") {
  const Fixture fixture;
  for (const char* device : {"device-non-se", "device-se", "device-rsa", "device-wrong-subject", "device-mismatched"}) {
    INFO(device);
    const ChainVerification result = fixture.verify(device);
    CHECK(result.verified());
    REQUIRE(result.path.size() == 3);
    CHECK(result.path[0].subject_values("CN") == std::vector<std::string>{std::string(device) + ".devices.test"});
    CHECK(result.path[1].subject_values("CN") == std::vector<std::string>{"SEED Test Issuing CA"});
    CHECK(result.path[2].subject_values("CN") == std::vector<std::string>{"SEED Test Root CA"});
  }
}

TEST_CASE("a chain without its intermediate does not verify") {
  Fixture fixture;
  fixture.intermediates.clear();
  const ChainVerification result = fixture.verify("device-se");
  CHECK_FALSE(result.verified());
  CHECK(result.path.empty());
  CHECK_THAT(*result.problem, Catch::Contains("unable to get local issuer certificate"));
}

TEST_CASE("an expired device certificate does not verify") {
  const ChainVerification result = Fixture().verify("device-expired");
  REQUIRE_FALSE(result.verified());
  CHECK_THAT(*result.problem, Catch::Contains("certificate has expired"));
  CHECK(*result.problem == "certificate has expired (depth 0)");
  CHECK(result.problem_subject == "CN=device-expired.devices.test,OU=GSIB Non-SE,O=SEED Test Agency,C=SG");
}

TEST_CASE("verification happens at the given time") {
  Fixture fixture;
  fixture.now -= std::chrono::hours{24 * 20};  // the expired certificate was valid then
  CHECK(fixture.verify("device-expired").verified());
  fixture.now = std::chrono::system_clock::now() - std::chrono::hours{24 * 2};  // before the good ones
  const ChainVerification early = fixture.verify("device-se");
  REQUIRE_FALSE(early.verified());
  CHECK_THAT(*early.problem, Catch::Contains("not yet valid"));
}

TEST_CASE("a certificate from an impostor root with the same name does not verify") {
  const ChainVerification result = Fixture().verify("device-untrusted");
  REQUIRE_FALSE(result.verified());
  // Same issuer name, but its key identifier points at another key.
  CHECK_THAT(*result.problem, Catch::Contains("unable to get local issuer certificate"));
  // Its own root does vouch for it: only the anchor makes the difference.
  Fixture impostor;
  impostor.anchors = {load_certificate(shared_test_pki().certificate("untrusted-root-ca"))};
  CHECK(impostor.verify("device-untrusted").verified());
}

TEST_CASE("an issuing CA given as the anchor is trusted on its own") {
  Fixture fixture;
  fixture.anchors = fixture.intermediates;
  fixture.intermediates.clear();
  const ChainVerification result = fixture.verify("device-non-se");
  CHECK(result.verified());
  CHECK(result.path.size() == 2);
}

TEST_CASE("no anchors means nothing verifies") {
  Fixture fixture;
  fixture.anchors.clear();
  const ChainVerification result = fixture.verify("device-non-se");
  REQUIRE_FALSE(result.verified());
  CHECK(*result.problem == "no trust anchor given");
}
