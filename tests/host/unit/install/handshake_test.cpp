#include <catch2/catch.hpp>

#include "install/host_handshake.hpp"
#include "seed_attest/version.hpp"

using namespace seed::install;
using namespace std::chrono_literals;

TEST_CASE("the host answers hello when started as Chromium starts it", "[install][doctor]") {
  const Launch launch = browser_launch(Flavour::chromium, SEED_ATTEST_BINARY, "/unused.json");
  CHECK(launch.arguments == std::vector<std::string>{"chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"});
  const Handshake result = say_hello(launch, 10s);
  CHECK(result.failure.empty());
  CHECK(result.answered);
  CHECK(result.host_version == seed::kHostVersion);
}

TEST_CASE("the host answers hello when started as Firefox starts it", "[install][doctor]") {
  const Launch launch = browser_launch(Flavour::firefox, SEED_ATTEST_BINARY, "/etc/x/sg.techpass.seed_attest.json");
  CHECK(launch.arguments == std::vector<std::string>{"/etc/x/sg.techpass.seed_attest.json", "seed-attest@techpass.sg"});
  CHECK(say_hello(launch, 10s).answered);
}

TEST_CASE("a program that exits without answering is reported", "[install][doctor]") {
  const Handshake result = say_hello({"/bin/true", {}, "/"}, 5s);
  CHECK_FALSE(result.answered);
  CHECK(result.failure == "it exited without answering hello");
}

TEST_CASE("a program that echoes the request is not a host", "[install][doctor]") {
  const Handshake result = say_hello({"/bin/cat", {}, "/"}, 5s);
  CHECK_FALSE(result.answered);
  CHECK_THAT(result.failure, Catch::StartsWith("its reply is not a protocol 1 hello"));
}

TEST_CASE("a program that prints text is not speaking the protocol", "[install][doctor]") {
  const Handshake result = say_hello({"/bin/echo", {"Usage: some other program"}, "/"}, 5s);
  CHECK_FALSE(result.answered);
  CHECK_THAT(result.failure, Catch::StartsWith("its output is not a native-messaging frame"));
}

TEST_CASE("a program that never answers is stopped at the timeout", "[install][doctor]") {
  const auto started = std::chrono::steady_clock::now();
  const Handshake result = say_hello({"/bin/sleep", {"30"}, "/"}, 300ms);
  CHECK_FALSE(result.answered);
  CHECK(result.failure == "it did not answer hello within 300 ms");
  CHECK(std::chrono::steady_clock::now() - started < 5s);
}

TEST_CASE("a program that cannot be started is reported", "[install][doctor]") {
  const Handshake result = say_hello({"/nonexistent/seed-attest", {}, "/"}, 5s);
  CHECK_FALSE(result.answered);
  CHECK_THAT(result.failure, Catch::StartsWith("it could not be started"));
}
