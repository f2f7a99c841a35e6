#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace seed::bench {

// What is wrong with a seed-attest reply, or empty when it is the reply the figure is about. A
// figure timed on an error reply would measure the wrong path, so a failed check voids it.
using ReplyCheck = std::function<std::optional<std::string>(const nlohmann::json& reply)>;

// One cold-start figure: a fresh host, one request, the first reply.
struct Scenario {
  std::string key;    // stable name in the JSON result, e.g. "attest_es256"
  std::string title;  // the table's row title
  nlohmann::json request;
  std::optional<std::filesystem::path> policy;  // given to every host as SEED_ATTEST_POLICY
  ReplyCheck check;
  std::optional<double> target_ratio;  // the bound on seed-attest's median / the floor's
};

// hello; status with the embedded policy; status, attest ES256 and attest RS256 with device
// certificate policies over the test PKI in `pki` (written into `work`).
std::vector<Scenario> cold_scenarios(const std::filesystem::path& pki, const std::filesystem::path& work);

// The ping request timed on one connection.
nlohmann::json ping_request();

}  // namespace seed::bench
