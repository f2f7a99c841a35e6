#include "harness/host_process.hpp"

#include <poll.h>
#include <unistd.h>

#include <boost/process.hpp>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace bp = boost::process;

namespace seed::test {
namespace {

using Clock = std::chrono::steady_clock;

// Reads into `out` until it holds `count` bytes; false on EOF or deadline.
bool read_exact(int fd, std::string& out, std::size_t count, Clock::time_point deadline) {
  char buffer[65536];
  while (out.size() < count) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd waiting{fd, POLLIN, 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    const std::size_t want = std::min(sizeof buffer, count - out.size());
    const ssize_t got = ::read(fd, buffer, want);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out.append(buffer, static_cast<std::size_t>(got));
  }
  return true;
}

void close_source(bp::pipe& pipe) {
  if (pipe.native_source() >= 0) ::close(pipe.native_source());
  pipe.assign_source(-1);
}

void close_sink(bp::pipe& pipe) {
  if (pipe.native_sink() >= 0) ::close(pipe.native_sink());
  pipe.assign_sink(-1);
}

}  // namespace

struct HostProcess::Impl {
  bp::pipe in;
  bp::pipe out;
  bp::pipe err;
  bp::child child;
  bool stdin_open = true;
  std::string err_text;
};

HostProcess::Options HostProcess::chromium_caller(std::map<std::string, std::string> env) {
  return Options{{"chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"}, std::move(env), std::nullopt};
}

HostProcess::HostProcess(Options options) : impl_(std::make_unique<Impl>()) {
  // Writing to a host that has exited must fail the write, not kill the test.
  std::signal(SIGPIPE, SIG_IGN);
  bp::environment environment = boost::this_process::environment();
  for (const auto& [name, value] : options.env) environment[name] = value;
  const std::string cwd = options.working_directory.value_or(".");
  impl_->child = bp::child(bp::exe = SEED_ATTEST_BINARY, bp::args = options.args, bp::std_in < impl_->in,
                           bp::std_out > impl_->out, bp::std_err > impl_->err, bp::env = environment,
                           bp::start_dir = cwd);
  close_source(impl_->in);
  close_sink(impl_->out);
  close_sink(impl_->err);
}

HostProcess::~HostProcess() {
  close_stdin();
  if (impl_->child.running()) {
    std::error_code ignored;
    impl_->child.terminate(ignored);
  }
  std::error_code ignored;
  impl_->child.wait(ignored);
}

bool HostProcess::write_raw(std::string_view bytes) {
  if (!impl_->stdin_open) return false;
  const int fd = impl_->in.native_sink();
  while (!bytes.empty()) {
    const ssize_t put = ::write(fd, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  return true;
}

bool HostProcess::send(const nlohmann::json& message) { return write_raw(frame(message)); }

void HostProcess::close_stdin() {
  if (impl_->stdin_open) {
    close_sink(impl_->in);
    impl_->stdin_open = false;
  }
}

void HostProcess::close_stdout_early() { close_source(impl_->out); }

std::optional<nlohmann::json> HostProcess::receive(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  const int fd = impl_->out.native_source();
  std::string prefix;
  if (!read_exact(fd, prefix, sizeof(std::uint32_t), deadline)) return std::nullopt;
  std::uint32_t length = 0;
  std::memcpy(&length, prefix.data(), sizeof length);
  std::string body;
  if (!read_exact(fd, body, length, deadline)) throw std::runtime_error("stdout ended inside a frame");
  return nlohmann::json::parse(body);
}

std::string HostProcess::read_rest(std::chrono::milliseconds timeout) {
  std::string rest;
  read_exact(impl_->out.native_source(), rest, SIZE_MAX, Clock::now() + timeout);
  return rest;
}

std::optional<int> HostProcess::wait(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (impl_->child.running()) {
    if (Clock::now() >= deadline) {
      std::error_code ignored;
      impl_->child.terminate(ignored);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{2});
  }
  std::error_code ignored;
  impl_->child.wait(ignored);
  return impl_->child.exit_code();
}

std::string HostProcess::stderr_text() {
  read_exact(impl_->err.native_source(), impl_->err_text, SIZE_MAX, Clock::now() + std::chrono::milliseconds{200});
  return impl_->err_text;
}

std::string raw_frame(std::string_view body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string bytes(sizeof length, '\0');
  std::memcpy(bytes.data(), &length, sizeof length);
  bytes.append(body);
  return bytes;
}

std::string frame(const nlohmann::json& message) { return raw_frame(message.dump()); }

}  // namespace seed::test
