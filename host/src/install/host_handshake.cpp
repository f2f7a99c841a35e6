#include "install/host_handshake.hpp"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <boost/process.hpp>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/identity.hpp"
#include "messaging/frame_writer.hpp"

namespace bp = boost::process;
using Clock = std::chrono::steady_clock;

namespace seed::install {
namespace {

constexpr std::size_t kMaxReply = 1'000'000;  // Chrome's limit for messages from a host

// Writing to a host that already exited must fail with EPIPE, not kill doctor.
class IgnoreSigpipe {
 public:
  IgnoreSigpipe() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &previous_);
  }
  ~IgnoreSigpipe() { ::sigaction(SIGPIPE, &previous_, nullptr); }
  IgnoreSigpipe(const IgnoreSigpipe&) = delete;
  IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;

 private:
  struct sigaction previous_ {};
};

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(fd, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  return true;
}

enum class ReadEnd { complete, closed, timed_out };

// Reads until `out` holds `count` bytes from stdout, keeping what stderr says.
ReadEnd read_exact(int out_fd, int err_fd, std::string& out, std::size_t count, std::string& err,
                   Clock::time_point deadline) {
  char buffer[65536];
  while (out.size() < count) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return ReadEnd::timed_out;
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    const int ready = ::poll(fds, err_fd >= 0 ? 2 : 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // the deadline check above decides
    if (ready < 0) return ReadEnd::closed;
    if (err_fd >= 0 && (fds[1].revents & (POLLIN | POLLHUP)) != 0) {
      const ssize_t got = ::read(err_fd, buffer, sizeof buffer);
      if (got > 0 && err.size() < 4096) err.append(buffer, static_cast<std::size_t>(got));
      if (got <= 0) err_fd = -1;
    }
    if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const ssize_t got = ::read(out_fd, buffer, std::min(sizeof buffer, count - out.size()));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return ReadEnd::closed;
      out.append(buffer, static_cast<std::size_t>(got));
    }
  }
  return ReadEnd::complete;
}

void close_source(bp::pipe& pipe) {
  if (pipe.native_source() >= 0) ::close(pipe.native_source());
  pipe.assign_source(-1);
}

void close_sink(bp::pipe& pipe) {
  if (pipe.native_sink() >= 0) ::close(pipe.native_sink());
  pipe.assign_sink(-1);
}

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  return line.size() > 200 ? line.substr(0, 200) + "..." : line;
}

std::string with_stderr(std::string failure, const std::string& err) {
  if (!err.empty()) failure += "; it wrote to stderr: " + first_line(err);
  return failure;
}

std::string judge_reply(const std::string& body, Handshake& result) {
  const auto reply = nlohmann::json::parse(body, nullptr, false);
  if (reply.is_discarded() || !reply.is_object()) return "its reply is not a JSON object";
  const std::string type = reply.value("type", "");
  if (type == "error") {
    return "it answered with the error " + reply.value("code", std::string("?")) + ": " +
           reply.value("message", std::string());
  }
  const auto version = reply.find("host_version");
  if (type != "hello" || reply.value("protocol", 0) != 1 || version == reply.end() || !version->is_string()) {
    return "its reply is not a protocol 1 hello: " + body.substr(0, 200);
  }
  result.host_version = version->get<std::string>();
  result.answered = true;
  return {};
}

}  // namespace

Launch browser_launch(Flavour flavour, const std::string& program, const std::string& manifest_path) {
  Launch launch{program, {}, std::filesystem::path(program).parent_path().string()};
  if (flavour == Flavour::firefox) {
    launch.arguments = {manifest_path, std::string(identity::kFirefoxAddonId)};
  } else {
    launch.arguments = {std::string(identity::kChromiumExtensionOrigin)};
  }
  return launch;
}

Handshake say_hello(const Launch& launch, std::chrono::milliseconds timeout) {
  const IgnoreSigpipe sigpipe;
  const auto started = Clock::now();
  const auto deadline = started + timeout;
  Handshake result;
  bp::pipe in;
  bp::pipe out;
  bp::pipe err;
  bp::child child;
  try {
    child = bp::child(bp::exe = launch.program, bp::args = launch.arguments, bp::std_in<in, bp::std_out> out,
                      bp::std_err > err, bp::start_dir = launch.working_directory);
  } catch (const bp::process_error& error) {
    result.failure = std::string("it could not be started: ") + error.code().message();
    return result;
  }
  close_source(in);  // the child has its own copies of these ends
  close_sink(out);
  close_sink(err);

  std::string stderr_text;
  std::string prefix;
  const nlohmann::json hello = {{"type", "hello"}, {"protocol", 1}, {"id", "doctor"}};
  // A program that exits at once makes this write fail; what it printed is still read below.
  write_all(in.native_sink(), messaging::encode_frame(hello));
  if (const ReadEnd end = read_exact(out.native_source(), err.native_source(), prefix, 4, stderr_text, deadline);
      end != ReadEnd::complete) {
    result.failure = end == ReadEnd::timed_out
                         ? "it did not answer hello within " + std::to_string(timeout.count()) + " ms"
                         : "it exited without answering hello";
  } else {
    std::uint32_t length = 0;
    std::memcpy(&length, prefix.data(), sizeof length);
    std::string body;
    if (length > kMaxReply) {
      result.failure = "its output is not a native-messaging frame (it starts with \"" + first_line(prefix) + "\")";
    } else if (read_exact(out.native_source(), err.native_source(), body, length, stderr_text, deadline) !=
               ReadEnd::complete) {
      result.failure = "its reply ended inside a frame";
    } else {
      result.failure = judge_reply(body, result);
    }
  }
  result.failure = result.answered ? "" : with_stderr(result.failure, stderr_text);

  close_sink(in);  // end of input: a well-behaved host exits now
  std::error_code ignored;
  while (child.running(ignored) && Clock::now() < deadline + std::chrono::milliseconds{500}) {
    std::this_thread::sleep_for(std::chrono::milliseconds{2});
  }
  if (child.running(ignored)) child.terminate(ignored);
  child.wait(ignored);
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  return result;
}

}  // namespace seed::install
