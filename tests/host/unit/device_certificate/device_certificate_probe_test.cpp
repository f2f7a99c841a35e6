#include <catch2/catch.hpp>

#include "attestation/probes/device_certificate_evaluation.hpp"
#include "attestation/probes/device_certificate_probe.hpp"
#include "crypto/loader.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed::attestation;
using seed::policy::CertificateProbe;
using seed::test::shared_test_pki;

namespace {

// The probe an agency would write for its non-SE GSIB devices, pointed at `device`.
CertificateProbe probe_for(std::string_view device) {
  const auto& pki = shared_test_pki();
  CertificateProbe probe;
  probe.certificate = pki.certificate(device).string();
  probe.key = pki.key(device).string();
  probe.anchors = {pki.root_ca().string()};
  probe.intermediates = {pki.issuing_ca().string()};
  probe.policy_oids = {std::string(seed::test::kNonSePolicyOid)};
  probe.subject = {{"OU", "^GSIB"}};
  return probe;
}

}  // namespace

TEST_CASE("a good device certificate matches and yields the key with its x5c chain") {
  const DeviceCertificateEvaluation evaluation =
      evaluate_device_certificate(probe_for("device-non-se"), std::chrono::system_clock::now());
  CHECK(evaluation.result.outcome == Outcome::match);
  CHECK(evaluation.result.detail ==
        "certificate chains to a trust anchor, carries the required policy OIDs, subject matches; its EC P-256 key "
        "pairs with it");
  REQUIRE(evaluation.identity);
  REQUIRE(evaluation.identity->chain.size() == 2);  // device and issuing CA, not the root
  CHECK(evaluation.identity->chain[1].subject_values("CN") == std::vector<std::string>{"SEED Test Issuing CA"});
  CHECK(evaluation.identity->key.pairs_with(evaluation.identity->chain[0]));
}

TEST_CASE("run_device_certificate_probe matches RSA devices too") {
  const ProbeResult result = run_device_certificate_probe(probe_for("device-rsa"));
  CHECK(result.outcome == Outcome::match);
  CHECK_THAT(result.detail, Catch::Contains("RSA 2048-bit key pairs"));
}

TEST_CASE("identifiers appear in the detail only when the policy asks") {
  const auto& pki = shared_test_pki();
  const std::string serial = seed::crypto::load_certificate(pki.certificate("device-non-se")).serial_hex();
  CertificateProbe probe = probe_for("device-non-se");
  CHECK_THAT(run_device_certificate_probe(probe).detail, !Catch::Contains(serial));
  CHECK_THAT(run_device_certificate_probe(probe).detail, !Catch::Contains("devices.test"));
  probe.show_identifiers = true;
  CHECK_THAT(run_device_certificate_probe(probe).detail, Catch::Contains("serial " + serial));
  CHECK_THAT(run_device_certificate_probe(probe).detail, Catch::Contains("CN=device-non-se.devices.test"));

  CertificateProbe expired = probe_for("device-expired");
  CHECK(run_device_certificate_probe(expired).detail ==
        "the certificate chain does not verify: certificate has expired (depth 0)");
  expired.show_identifiers = true;
  CHECK_THAT(run_device_certificate_probe(expired).detail, Catch::EndsWith("at CN=device-expired.devices.test,OU=GSIB "
                                                                           "Non-SE,O=SEED Test Agency,C=SG"));
}

TEST_CASE("each failed check is a no_match saying which") {
  const auto check = [](const CertificateProbe& probe, const std::string& detail) {
    const DeviceCertificateEvaluation evaluation = evaluate_device_certificate(probe, std::chrono::system_clock::now());
    CHECK(evaluation.result.outcome == Outcome::no_match);
    CHECK_THAT(evaluation.result.detail, Catch::StartsWith(detail));
    CHECK_FALSE(evaluation.identity);
  };
  check(probe_for("device-expired"), "the certificate chain does not verify: certificate has expired");
  check(probe_for("device-untrusted"), "the certificate chain does not verify: unable to get local issuer");
  check(probe_for("device-se"), std::string("the certificate lacks policy OID ") + std::string(seed::test::kNonSePolicyOid));
  check(probe_for("device-wrong-subject"), "subject OU does not match ^GSIB");
  check(probe_for("device-mismatched"), "the private key does not pair with the certificate");

  CertificateProbe no_intermediate = probe_for("device-non-se");
  no_intermediate.intermediates.clear();
  check(no_intermediate, "the certificate chain does not verify: unable to get local issuer certificate");
  CertificateProbe no_locality = probe_for("device-non-se");
  no_locality.subject = {{"L", "Singapore"}};
  check(no_locality, "the subject has no L");
  CertificateProbe missing = probe_for("device-non-se");
  missing.certificate = "/nonexistent/gsib/device.pem";
  check(missing, "no certificate at /nonexistent/gsib/device.pem");
  CertificateProbe keyless = probe_for("device-non-se");
  keyless.key = "/nonexistent/gsib/device.key";
  check(keyless, "no private key at /nonexistent/gsib/device.key");
}

TEST_CASE("the SE probe matches the SE device by its policy OID and subject") {
  CertificateProbe probe = probe_for("device-se");
  probe.policy_oids = {std::string(seed::test::kSePolicyOid)};
  probe.subject = {{"OU", "^GSIB SE$"}, {"O", "^SEED Test Agency$"}};
  CHECK(run_device_certificate_probe(probe).outcome == Outcome::match);
  probe.certificate = shared_test_pki().certificate("device-non-se").string();
  probe.key = shared_test_pki().key("device-non-se").string();
  CHECK(run_device_certificate_probe(probe).outcome == Outcome::no_match);
}

TEST_CASE("unreadable evidence and a broken policy are errors, not no_match") {
  seed::test::TemporaryDirectory temporary;
  const auto garbage = temporary.path() / "garbage.pem";
  seed::test::write_file(garbage, "not a certificate\n");

  CertificateProbe bad_certificate = probe_for("device-non-se");
  bad_certificate.certificate = garbage.string();
  ProbeResult result = run_device_certificate_probe(bad_certificate);
  CHECK(result.outcome == Outcome::error);
  CHECK_THAT(result.detail, Catch::Contains("garbage.pem"));

  CertificateProbe bad_anchor = probe_for("device-non-se");
  bad_anchor.anchors = {"/nonexistent/root-ca.pem"};
  result = run_device_certificate_probe(bad_anchor);
  CHECK(result.outcome == Outcome::error);
  CHECK_THAT(result.detail, Catch::Contains("/nonexistent/root-ca.pem"));

  CertificateProbe bad_key = probe_for("device-non-se");
  bad_key.key = garbage.string();
  CHECK(run_device_certificate_probe(bad_key).outcome == Outcome::error);

  CertificateProbe bad_pattern = probe_for("device-non-se");
  bad_pattern.subject = {{"OU", "(unclosed"}};
  result = run_device_certificate_probe(bad_pattern);
  CHECK(result.outcome == Outcome::error);
  CHECK_THAT(result.detail, Catch::StartsWith("subject OU pattern is invalid"));

  CertificateProbe unknown_scheme = probe_for("device-non-se");
  unknown_scheme.key = "pkcs11:token=none;object=device";  // no such provider configured here
  CHECK(run_device_certificate_probe(unknown_scheme).outcome == Outcome::error);
}

TEST_CASE("signing_identity reuses what a match loaded while the chain still verifies") {
  const auto now = std::chrono::system_clock::now();
  CertificateProbe probe = probe_for("device-se");
  probe.policy_oids = {std::string(seed::test::kSePolicyOid)};
  const DeviceCertificateEvaluation first = evaluate_device_certificate(probe, now);
  REQUIRE(first.identity);
  const DeviceCertificateEvaluation again = signing_identity(probe, now + std::chrono::seconds{5});
  CHECK(again.result.outcome == Outcome::match);
  REQUIRE(again.identity);
  CHECK(again.identity->key.get() == first.identity->key.get());  // the same loaded key, not reloaded
  CHECK(again.identity->chain.size() == 2);

  // Two years on the device certificate has expired: evaluated afresh, and refused.
  const DeviceCertificateEvaluation later = signing_identity(probe, now + std::chrono::hours{24 * 730});
  CHECK(later.result.outcome == Outcome::no_match);
  CHECK_THAT(later.result.detail, Catch::Contains("certificate has expired"));
  CHECK_FALSE(later.identity);
  // ...and forgotten: the next signature loads the files again.
  const DeviceCertificateEvaluation reloaded = signing_identity(probe, now);
  REQUIRE(reloaded.identity);
  CHECK(reloaded.identity->key.get() != first.identity->key.get());
}

TEST_CASE("signing_identity evaluates a probe this process has not seen match") {
  CertificateProbe probe = probe_for("device-rsa");
  probe.subject = {{"CN", "^device-rsa\\."}};
  const DeviceCertificateEvaluation evaluation = signing_identity(probe, std::chrono::system_clock::now());
  CHECK(evaluation.result.outcome == Outcome::match);
  CHECK(evaluation.identity);
  CHECK(signing_identity(probe_for("device-mismatched"), std::chrono::system_clock::now()).result.outcome ==
        Outcome::no_match);
}
