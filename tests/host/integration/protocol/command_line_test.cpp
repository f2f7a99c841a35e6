#include <catch2/catch.hpp>

#include "harness/host_process.hpp"

using seed::test::HostProcess;

TEST_CASE("the version option prints the version and exits 0", "[cli]") {
  HostProcess host({{"--version"}, {}, std::nullopt});
  CHECK(host.read_rest().rfind("seed-attest ", 0) == 0);
  CHECK(host.wait() == 0);
}

TEST_CASE("the help option lists the commands and exits 0", "[cli]") {
  HostProcess host({{"--help"}, {}, std::nullopt});
  const std::string text = host.read_rest();
  CHECK(text.find("Usage:") != std::string::npos);
  CHECK(text.find("--version") != std::string::npos);
  CHECK(host.wait() == 0);
}

TEST_CASE("an unknown subcommand prints usage on stderr and exits 2", "[cli]") {
  HostProcess host({{"frobnicate"}, {}, std::nullopt});
  CHECK(host.read_rest().empty());
  CHECK(host.wait() == 2);
  const std::string error = host.stderr_text();
  CHECK(error.find("unknown command 'frobnicate'") != std::string::npos);
  CHECK(error.find("Usage:") != std::string::npos);
}
