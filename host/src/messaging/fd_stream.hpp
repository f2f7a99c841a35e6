#pragma once

#include "messaging/byte_stream.hpp"

namespace seed::messaging {

// stdin/stdout as raw file descriptors: no iostream buffering, EINTR retried, partial writes
// completed. SIGPIPE must be ignored by the caller so a closed pipe shows up as a failed write.
class FdSource final : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  std::size_t read_some(char* buffer, std::size_t capacity) override;

 private:
  int fd_;
};

class FdSink final : public ByteSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  bool write_all(std::string_view bytes) override;

 private:
  int fd_;
};

}  // namespace seed::messaging
