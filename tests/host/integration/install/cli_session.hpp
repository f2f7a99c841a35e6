#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "harness/host_process.hpp"
#include "support/test_pki.hpp"

// The real seed-attest run as a person would run it, with HOME and the XDG folders in a fresh
// temporary folder and no policy from the environment.
namespace seed::test {

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliSession {
 public:
  CliSession() : home_(directory_.path() / "home") { std::filesystem::create_directories(home_); }

  [[nodiscard]] const std::filesystem::path& home() const { return home_; }
  [[nodiscard]] std::filesystem::path scratch() const { return directory_.path(); }

  CommandRun run(std::vector<std::string> args) const {
    HostProcess program({std::move(args),
                         {{"HOME", home_.string()},
                          {"XDG_CONFIG_HOME", (home_ / ".config").string()},
                          {"XDG_DATA_HOME", (home_ / ".local/share").string()},
                          {"CHROME_CONFIG_HOME", (home_ / ".config").string()},
                          {"SEED_ATTEST_POLICY", ""}},
                         std::nullopt});
    CommandRun result;
    result.out = program.read_rest(std::chrono::seconds{60});
    result.exit_code = program.wait(std::chrono::seconds{60}).value_or(-1);
    result.err = program.stderr_text();
    return result;
  }

 private:
  TemporaryDirectory directory_;
  std::filesystem::path home_;
};

}  // namespace seed::test
