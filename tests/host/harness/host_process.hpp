#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seed::test {

// A running seed-attest with pipes on stdin, stdout and stderr.
class HostProcess {
 public:
  struct Options {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;  // added to (or replacing in) the test's environment
    std::optional<std::string> working_directory;
  };

  explicit HostProcess(Options options);
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  // The usual Chromium launch for our own extension.
  static Options chromium_caller(std::map<std::string, std::string> env = {});

  bool write_raw(std::string_view bytes);  // false once the host has closed its stdin
  bool send(const nlohmann::json& message);
  void close_stdin();
  // Closes our end of the host's stdout, as a browser that went away would.
  void close_stdout_early();

  // One frame's JSON, or empty when stdout closed or nothing came in time.
  std::optional<nlohmann::json> receive(std::chrono::milliseconds timeout = std::chrono::seconds{10});
  // Everything left on stdout until it closes.
  std::string read_rest(std::chrono::milliseconds timeout = std::chrono::seconds{10});

  // The exit code, or empty if still running after `timeout` (then the host is killed).
  std::optional<int> wait(std::chrono::milliseconds timeout = std::chrono::seconds{10});
  std::string stderr_text();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The bytes of a frame: 32-bit native-order length, then the body.
std::string raw_frame(std::string_view body);
std::string frame(const nlohmann::json& message);

}  // namespace seed::test
