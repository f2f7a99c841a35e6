#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "attestation/probes/command_probe.hpp"

using namespace seed::attestation;
using seed::policy::CommandProbe;
using Catch::Matchers::Contains;
using std::chrono::milliseconds;

namespace {

CommandProbe command(std::vector<std::string> argv, std::optional<std::string> match = std::nullopt,
                     std::optional<int> exit_code = std::nullopt, int timeout_ms = 2000) {
  return CommandProbe{std::move(argv), timeout_ms, std::move(match), exit_code};
}

Deadline far_away() { return Clock::now() + std::chrono::seconds{30}; }

ProbeResult run(const CommandProbe& probe) { return run_command_probe(probe, far_away(), {}); }

}  // namespace

TEST_CASE("a command probe matches its regex over stdout", "[probe][command]") {
  ProbeResult result = run(command({"/bin/echo", "Protectors:", "TPM And PIN"}, "TPM And PIN"));
  CHECK(result.outcome == Outcome::match);
  CHECK(result.detail == "exited with status 0; output matches");

  result = run(command({"/bin/echo", "Protectors:", "TPM"}, "TPM And PIN"));
  CHECK(result.outcome == Outcome::no_match);
  CHECK(result.detail == "exited with status 0; output does not match");
}

TEST_CASE("a command probe with exit_code needs that status as well", "[probe][command]") {
  CHECK(run(command({"/bin/false"}, std::nullopt, 1)).outcome == Outcome::match);
  ProbeResult result = run(command({"/bin/false"}, std::nullopt, 0));
  CHECK(result.outcome == Outcome::no_match);
  CHECK(result.detail == "exited with status 1, not 0");
  // Both must hold.
  CHECK(run(command({"/bin/echo", "on"}, "^on$", 0)).outcome == Outcome::match);
  CHECK(run(command({"/bin/echo", "off"}, "^on$", 0)).outcome == Outcome::no_match);
}

TEST_CASE("a command probe with neither match nor exit_code matches on success", "[probe][command]") {
  CHECK(run(command({"/bin/true"})).outcome == Outcome::match);
}

TEST_CASE("a failing or missing command is an error, not a no_match", "[probe][command]") {
  ProbeResult result = run(command({"/bin/false"}, "anything"));
  CHECK(result.outcome == Outcome::error);
  CHECK(result.detail == "failed: exited with status 1");

  result = run(command({"/nonexistent/manage-bde.exe", "-status"}, "On"));
  CHECK(result.outcome == Outcome::error);
  CHECK_THAT(result.detail, Contains("could not start"));
}

TEST_CASE("a hung command is killed at its timeout and is an error", "[probe][command]") {
  const auto began = Clock::now();
  const ProbeResult result = run(command({"/bin/sleep", "30"}, "x", std::nullopt, 300));
  const auto took = Clock::now() - began;
  CHECK(result.outcome == Outcome::error);
  CHECK(result.detail == "timed out after 300 ms");
  CHECK(took >= milliseconds{300});
  CHECK(took < milliseconds{1300});
}

TEST_CASE("a command is stopped when the evaluation's budget ends before its own timeout", "[probe][command]") {
  const auto began = Clock::now();
  const ProbeResult result =
      run_command_probe(command({"/bin/sleep", "30"}, "x", std::nullopt, 5000), began + milliseconds{200}, {});
  CHECK(result.outcome == Outcome::error);
  CHECK_THAT(result.detail, Contains("when the time budget ran out"));
  CHECK(Clock::now() - began < milliseconds{1200});

  CHECK(run_command_probe(command({"/bin/true"}), Clock::now() - milliseconds{1}, {}).detail ==
        "not run: the time budget was spent");
}

TEST_CASE("a command probe matches only the first 64 KiB of a large output", "[probe][command]") {
  // 100 KiB of zero bytes, then nothing: "^\\x00" matches, and the probe says the output was cut.
  const ProbeResult result = run(command({"/usr/bin/head", "-c", "102400", "/dev/zero"}, "^\\x00"));
  CHECK(result.outcome == Outcome::match);
  CHECK(result.detail == "exited with status 0; output matches (first 64 KiB)");
}
