#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/host_process.hpp"
#include "support/files.hpp"

namespace seed::test {

struct CommandOutput {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `seed-attest args...` to the end, as a person at the command line would.
inline CommandOutput run_seed_attest(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
  // No policy from the test's own environment unless the test sets one.
  env.try_emplace("SEED_ATTEST_POLICY", "");
  HostProcess host({std::move(args), std::move(env), std::nullopt});
  host.close_stdin();
  CommandOutput output;
  output.out = host.read_rest();
  output.exit_code = host.wait().value_or(-1);
  output.err = host.stderr_text();
  return output;
}

inline std::filesystem::path write_policy(const std::filesystem::path& directory, const std::string& name,
                                          const std::string& text) {
  const auto path = directory / name;
  write_file(path, text);
  return path;
}

// True when this machine has a system policy, so the embedded one is not what status uses.
inline bool system_policy_present() {
  std::error_code ignored;
  return std::filesystem::exists("/etc/seed-attest/policy.json", ignored);
}

}  // namespace seed::test
