#include <openssl/evp.h>
#include <openssl/pem.h>

#include <catch2/catch.hpp>
#include <memory>

#include "run_host.hpp"
#include "support/test_pki.hpp"

using seed::test::run_seed_attest;
using seed::test::shared_test_pki;
using json = nlohmann::json;

namespace {

// An agency policy with a certificate probe per GSIB class over one device certificate, and its
// key (the test PKI's own unless `key` names another file). `status` exits 1 when the class is
// unknown.
json status_with_certificate(const std::string& device, const std::string& key = "", int exit_code = 0) {
  const auto& pki = shared_test_pki();
  const json files = {{"certificate", pki.certificate(device).string()},
                      {"key", key.empty() ? pki.key(device).string() : key},
                      {"anchors", {pki.root_ca().string()}},
                      {"intermediates", {pki.issuing_ca().string()}}};
  json non_se = files;
  non_se.update({{"id", "non-se-cert"}, {"kind", "device_certificate"},
                 {"policy_oids", {std::string(seed::test::kNonSePolicyOid)}}, {"subject", {{"OU", "^GSIB Non-SE$"}}}});
  json se = files;
  se.update({{"id", "se-cert"}, {"kind", "device_certificate"},
             {"policy_oids", {std::string(seed::test::kSePolicyOid)}}, {"subject", {{"OU", "^GSIB SE$"}}}});
  const json policy = {{"version", 1},
                       {"probes", {non_se, se}},
                       {"classes", {{{"class", "non_se_gsib"}, {"any", {"non-se-cert"}}},
                                    {{"class", "se_gsib"}, {"any", {"se-cert"}}}}},
                       {"default", "internet_device"}};
  seed::test::TemporaryDirectory directory;
  const auto path = seed::test::write_policy(directory.path(), "agency.json", policy.dump());
  const auto output = run_seed_attest({"status", "--json", "--policy", path.string()});
  REQUIRE(output.exit_code == exit_code);
  return json::parse(output.out);
}

}  // namespace

TEST_CASE("status --json with a matching non-SE device certificate says non_se_gsib by certificate", "[cli][certificate]") {
  const json status = status_with_certificate("device-non-se");
  CHECK(status["device_class"] == "non_se_gsib");
  CHECK(status["decided_by"] == "certificate");
  CHECK(status["evidence"][0]["outcome"] == "match");
  // Privacy by default: no serial number or subject unless the probe asks for them.
  CHECK(status["evidence"][0]["detail"].get<std::string>().find("serial") == std::string::npos);
}

TEST_CASE("status --json with a matching SE device certificate says se_gsib by certificate", "[cli][certificate]") {
  const json status = status_with_certificate("device-se");
  CHECK(status["device_class"] == "se_gsib");
  CHECK(status["decided_by"] == "certificate");
}

TEST_CASE("status --json with an RSA device certificate says non_se_gsib by certificate", "[cli][certificate]") {
  const json status = status_with_certificate("device-rsa");
  CHECK(status["device_class"] == "non_se_gsib");
  CHECK(status["decided_by"] == "certificate");
}

TEST_CASE("status --json with expired, untrusted, mismatched or wrong-subject certificates is not a GSIB", "[cli][certificate]") {
  for (const char* device : {"device-expired", "device-untrusted", "device-mismatched", "device-wrong-subject"}) {
    INFO(device);
    const json status = status_with_certificate(device);
    CHECK(status["device_class"] == "internet_device");
    CHECK(status["decided_by"] == "default");
    CHECK(status["evidence"][0]["outcome"] == "no_match");
    CHECK(status["evidence"][1]["outcome"] == "no_match");
  }
}

TEST_CASE("a device key locked by a passphrase in a traditional PEM file is reported as locked", "[cli][certificate]") {
  // Such a file names its cipher on a DEK-Info line, which the host looks up by its legacy name.
  const auto& pki = shared_test_pki();
  seed::test::TemporaryDirectory directory;
  const auto locked = directory.path() / "locked.key";
  const std::unique_ptr<BIO, decltype(&BIO_free)> in(BIO_new_file(pki.key("device-non-se").c_str(), "r"), BIO_free);
  REQUIRE(in != nullptr);
  const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  REQUIRE(key != nullptr);
  for (const EVP_CIPHER* cipher : {EVP_aes_128_cbc(), EVP_aes_192_cbc(), EVP_aes_256_cbc(), EVP_des_ede3_cbc(),
                                   EVP_camellia_128_cbc(), EVP_camellia_256_cbc(), EVP_aria_128_cbc(),
                                   EVP_aria_256_cbc()}) {
    INFO(EVP_CIPHER_get0_name(cipher));
    {
      const std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new_file(locked.c_str(), "w"), BIO_free);
      REQUIRE(out != nullptr);
      static unsigned char passphrase[] = "correct horse";
      REQUIRE(PEM_write_bio_PrivateKey_traditional(out.get(), key.get(), cipher, passphrase, sizeof passphrase - 1,
                                                   nullptr, nullptr) == 1);
    }
    const json status = status_with_certificate("device-non-se", locked.string(), 1);
    CHECK(status["device_class"] == "unknown");
    const std::string detail = status["evidence"][0]["detail"].get<std::string>();
    CHECK_THAT(detail, Catch::Contains("locked.key") && Catch::Contains("password"));
    CHECK_THAT(detail, !Catch::Contains("unsupported"));
  }
}
