#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "process/run_command.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed::process;
using Catch::Matchers::Contains;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

CommandLimits within(milliseconds timeout) {
  CommandLimits limits;
  limits.timeout = timeout;
  return limits;
}

// Gone, or a zombie waiting for whoever adopted it.
bool has_ended(pid_t pid) {
  if (::kill(pid, 0) != 0) return true;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_text, name, state;
  stat >> pid_text >> name >> state;
  return state == "Z";
}

}  // namespace

TEST_CASE("a command's exit status, stdout and stderr are captured", "[process]") {
  CommandResult result = run_command({"/bin/echo", "hello", "world"}, within(milliseconds{2000}));
  CHECK(result.status == CommandStatus::exited);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "hello world\n");
  CHECK_FALSE(result.out_truncated);

  result = run_command({"/bin/ls", "/nonexistent-seed-attest"}, within(milliseconds{2000}));
  CHECK(result.status == CommandStatus::exited);
  CHECK(result.exit_code != 0);
  CHECK_THAT(result.err, Contains("nonexistent-seed-attest"));
}

TEST_CASE("arguments reach the command as they are, with no shell between", "[process]") {
  const CommandResult result = run_command({"/bin/echo", "$HOME", "; id", "`x`"}, within(milliseconds{2000}));
  CHECK(result.out == "$HOME ; id `x`\n");
}

TEST_CASE("a command that cannot start says why", "[process]") {
  CommandResult result = run_command({"/nonexistent/tool"}, within(milliseconds{2000}));
  CHECK(result.status == CommandStatus::failed_to_start);
  CHECK_FALSE(result.failure.empty());
  result = run_command({"echo", "relative"}, within(milliseconds{2000}));
  CHECK(result.status == CommandStatus::failed_to_start);
  CHECK(result.failure == "the command must be an absolute path");
  CHECK(run_command({}, within(milliseconds{2000})).status == CommandStatus::failed_to_start);
}

TEST_CASE("a command killed by a signal is reported as such", "[process]") {
  const CommandResult result = run_command({"/bin/sh", "-c", "kill -9 $$"}, within(milliseconds{2000}));
  CHECK(result.status == CommandStatus::signalled);
  CHECK(result.signal == SIGKILL);
}

TEST_CASE("a hung command is killed at its timeout, with its children", "[process]") {
  seed::test::TemporaryDirectory directory;
  const auto pid_file = directory.path() / "child.pid";
  const auto began = Clock::now();
  const CommandResult result = run_command(
      {"/bin/sh", "-c", "/bin/sleep 30 & echo $! > " + pid_file.string() + "; wait"}, within(milliseconds{300}));
  const auto took = Clock::now() - began;
  CHECK(result.status == CommandStatus::timed_out);
  CHECK(took >= milliseconds{300});
  CHECK(took < milliseconds{1300});
  const pid_t child = std::stoi(seed::test::read_file(pid_file));
  const auto give_up = Clock::now() + milliseconds{2000};
  while (!has_ended(child) && Clock::now() < give_up) std::this_thread::sleep_for(milliseconds{10});
  CHECK(has_ended(child));
}

TEST_CASE("a command that leaves a child holding its output does not hold us", "[process]") {
  const auto began = Clock::now();
  const CommandResult result =
      run_command({"/bin/sh", "-c", "/bin/sleep 5 & echo started"}, within(milliseconds{3000}));
  CHECK(result.status == CommandStatus::exited);
  CHECK(result.out == "started\n");
  CHECK(Clock::now() - began < milliseconds{2000});
}

TEST_CASE("stdout is kept up to its limit, and the rest is read and dropped", "[process]") {
  const CommandResult result = run_command({"/usr/bin/head", "-c", "300000", "/dev/zero"}, within(milliseconds{5000}));
  CHECK(result.status == CommandStatus::exited);
  CHECK(result.exit_code == 0);
  CHECK(result.out.size() == 64 * 1024);
  CHECK(result.out_truncated);
}

TEST_CASE("a command that writes without end is stopped at its timeout with bounded memory", "[process]") {
  const CommandResult result = run_command({"/usr/bin/yes"}, within(milliseconds{300}));
  CHECK(result.status == CommandStatus::timed_out);
  CHECK(result.out.size() == 64 * 1024);
}

TEST_CASE("a stop request kills the command", "[process]") {
  std::stop_source stop;
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds{100});
    stop.request_stop();
  });
  const auto began = Clock::now();
  const CommandResult result = run_command({"/bin/sleep", "30"}, within(milliseconds{10000}), stop.get_token());
  stopper.join();
  CHECK(result.status == CommandStatus::cancelled);
  CHECK(Clock::now() - began < milliseconds{1000});
}

TEST_CASE("commands run at the same time do not wait for each other", "[process]") {
  CommandResult slow;
  std::thread other([&] { slow = run_command({"/bin/sleep", "1"}, within(milliseconds{3000})); });
  std::this_thread::sleep_for(milliseconds{50});
  const auto began = Clock::now();
  const CommandResult quick = run_command({"/bin/echo", "quick"}, within(milliseconds{3000}));
  const auto took = Clock::now() - began;
  other.join();
  CHECK(quick.out == "quick\n");
  CHECK(took < milliseconds{700});
  CHECK(slow.status == CommandStatus::exited);
}
