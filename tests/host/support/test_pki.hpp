#pragma once

#include <filesystem>
#include <string>
#include <string_view>

// A small PKI made with OpenSSL at test time, so no private key is ever committed. Every file is
// PEM; certificates end in `.pem`, private keys (unencrypted PKCS#8) in `.key`:
//
//   root-ca.pem / .key             trust anchor "SEED Test Root CA"
//   issuing-ca.pem / .key          intermediate "SEED Test Issuing CA", signed by the root
//   device-non-se.pem / .key       EC P-256 device, policy OID kNonSePolicyOid, OU "GSIB Non-SE"
//   device-se.pem / .key           EC P-256 device, policy OID kSePolicyOid,    OU "GSIB SE"
//   device-rsa.pem / .key          RSA 2048 device, policy OID kNonSePolicyOid, OU "GSIB Non-SE"
//   device-expired.pem / .key      EC P-256 device like non-se, valid from 30 days ago to 1 day ago
//   untrusted-root-ca.pem / .key   an impostor root with the same name as root-ca, another key
//   device-untrusted.pem / .key    EC P-256 device like non-se, issued by the impostor root
//   device-mismatched.pem / .key   a good non-se device certificate with a key that is not its own
//   device-wrong-subject.pem / .key  EC P-256 device like non-se with OU "Contractor Laptops"
//
// All device certificates except device-untrusted are issued by the issuing CA; every good one is
// valid from one day ago for one year; the CAs from 60 days ago (root 10 years, issuing 5).
// Subjects: C "SG", O "SEED Test Agency", OU as above, CN "<name>.devices.test"
// (e.g. "device-se.devices.test"); the CAs have no OU.
namespace seed::test {

inline constexpr std::string_view kNonSePolicyOid = "1.3.6.1.4.1.99999.1.1";
inline constexpr std::string_view kSePolicyOid = "1.3.6.1.4.1.99999.1.2";

class TestPki {
 public:
  // Generates the whole PKI into `directory` (created if missing; existing files are replaced).
  explicit TestPki(std::filesystem::path directory);

  [[nodiscard]] const std::filesystem::path& directory() const { return directory_; }
  // The certificate and key of one name from the table above, e.g. certificate("device-se").
  [[nodiscard]] std::filesystem::path certificate(std::string_view name) const;
  [[nodiscard]] std::filesystem::path key(std::string_view name) const;
  [[nodiscard]] std::filesystem::path root_ca() const { return certificate("root-ca"); }
  [[nodiscard]] std::filesystem::path issuing_ca() const { return certificate("issuing-ca"); }

 private:
  std::filesystem::path directory_;
};

// One PKI per test process, in a fresh temporary directory that is removed at exit.
const TestPki& shared_test_pki();

// A fresh, empty temporary directory for one test, removed when the object goes away.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace seed::test
