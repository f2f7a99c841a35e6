#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "attestation/probes/command_probe.hpp"
#include "attestation/probes/file_probe.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed::attestation;
using std::chrono::seconds;

// libstdc++'s std::regex recurses per character and overflows the stack on input like this; the
// policy engine must answer, quickly, and never crash.
TEST_CASE("a regex over a 64 KiB single-line file runs in bounded time and stack", "[probe][regex]") {
  seed::test::TemporaryDirectory directory;
  const auto path = directory.path() / "subject";
  seed::test::write_file(path, std::string(64 * 1024, 'a'));

  auto began = Clock::now();
  CHECK(run_file_probe({path.string(), "^(?:a|b)*$"}).outcome == Outcome::match);
  CHECK(run_file_probe({path.string(), "^(?:a|b)*c$"}).outcome == Outcome::no_match);
  CHECK(run_file_probe({path.string(), "^[ab]+$"}).outcome == Outcome::match);
  CHECK(run_file_probe({path.string(), "a$"}).outcome == Outcome::match);
  CHECK(Clock::now() - began < seconds{5});

  // Catastrophic backtracking, and a capturing group repeated 65536 times, exceed the engine's
  // bounded backtracking memory: it gives up, and the probe says so.
  for (const char* pattern : {"(a*)*b", "^(a|b)*$", "^(a+)+$"}) {
    INFO(pattern);
    began = Clock::now();
    const ProbeResult result = run_file_probe({path.string(), pattern});
    CHECK(Clock::now() - began < seconds{5});
    CHECK(result.outcome == Outcome::error);
    CHECK(result.detail == "the regular expression gave up on this content (too complex)");
  }
}

TEST_CASE("a regex over 64 KiB of command output runs in bounded time and stack", "[probe][regex]") {
  const auto began = Clock::now();
  const ProbeResult result = run_command_probe(
      {{"/usr/bin/head", "-c", "65536", "/dev/zero"}, 2000, std::string("^(?:\\x00|x)*$"), std::nullopt},
      Clock::now() + seconds{10}, {});
  CHECK(result.outcome == Outcome::match);
  CHECK(Clock::now() - began < seconds{5});
}
