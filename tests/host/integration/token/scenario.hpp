#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness/host_process.hpp"
#include "support/test_pki.hpp"

// A device for the real program: a policy whose certificate probe points at one device of the
// test PKI, handed over through SEED_ATTEST_POLICY.
namespace seed::test {

inline constexpr const char* kPortal = "https://portal.techpass.gov.sg";
inline constexpr const char* kNonce = "AAECAwQFBgcICQoLDA0ODw";  // 16 bytes

class Scenario {
 public:
  // `device` e.g. "device-se"; the probe requires `policy_oid` and OU ^GSIB and decides `device_class`.
  Scenario(std::string_view device, std::string_view policy_oid, std::string_view device_class);
  // A policy with no certificate probe: everything is decided by default.
  static Scenario heuristic_only();

  [[nodiscard]] std::map<std::string, std::string> environment() const;
  [[nodiscard]] const std::filesystem::path& policy_path() const { return policy_path_; }

  // Starts the host as our Chromium extension would and sends one attest request.
  [[nodiscard]] nlohmann::json attest(const nlohmann::json& request) const;
  [[nodiscard]] nlohmann::json attest() const;

 private:
  explicit Scenario(const nlohmann::json& policy);
  std::shared_ptr<TemporaryDirectory> directory_;
  std::filesystem::path policy_path_;
};

nlohmann::json attest_request(std::string_view nonce = kNonce, std::string_view origin = kPortal);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `seed-attest verify` with the token given on standard input.
CommandResult run_verify(const std::string& token, const std::vector<std::string>& options);

}  // namespace seed::test
