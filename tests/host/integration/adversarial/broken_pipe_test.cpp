#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "harness/host_process.hpp"

using seed::test::HostProcess;

namespace {

// Pings whose pongs more than fill a pipe (64 KiB), but few enough that the host's stdin pipe and
// read buffer take what it has not read yet, so the burst never blocks the test.
std::string ping_burst(int count) {
  std::string burst;
  for (int i = 0; i < count; ++i) burst += seed::test::frame({{"type", "ping"}, {"id", i}});
  return burst;
}

void expect_quiet_exit(HostProcess& host) {
  // A host killed by SIGPIPE would report the signal (13) here, not 0.
  CHECK(host.wait(std::chrono::seconds{5}) == 0);
  const std::string diagnostics = host.stderr_text();
  CHECK(diagnostics.find("Sanitizer") == std::string::npos);
  CHECK(diagnostics.find("terminate") == std::string::npos);
}

}  // namespace

TEST_CASE("the browser closing the pipe while the host is blocked writing a reply ends the host quietly",
          "[adversarial][sigpipe]") {
  HostProcess host(HostProcess::chromium_caller());
  REQUIRE(host.write_raw(ping_burst(3000)));
  // Nobody reads: the host fills the pipe and blocks inside a write. Then the browser goes away.
  std::this_thread::sleep_for(std::chrono::milliseconds{300});
  host.close_stdout_early();
  expect_quiet_exit(host);
}

TEST_CASE("a host whose stdout is already closed ends quietly at its first reply", "[adversarial][sigpipe]") {
  HostProcess host(HostProcess::chromium_caller());
  host.close_stdout_early();
  REQUIRE(host.send({{"type", "hello"}, {"protocol", 1}}));
  expect_quiet_exit(host);
}

TEST_CASE("a refused caller whose browser goes away mid-reply ends quietly too", "[adversarial][sigpipe]") {
  HostProcess host({{"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, {}, std::nullopt});
  REQUIRE(host.write_raw(ping_burst(1500)));  // forbidden_caller errors are longer than pongs
  std::this_thread::sleep_for(std::chrono::milliseconds{300});
  host.close_stdout_early();
  expect_quiet_exit(host);
}
