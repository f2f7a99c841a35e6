#pragma once

#include <cstddef>
#include <string_view>

// The two ends of the stdio pipe, as interfaces so tests can feed bytes split at any point.
namespace seed::messaging {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes; 0 means end of stream. Throws std::system_error on failure.
  virtual std::size_t read_some(char* buffer, std::size_t capacity) = 0;
};

class ByteSink {
 public:
  virtual ~ByteSink() = default;
  // Writes all of `bytes` or returns false (the reader is gone).
  virtual bool write_all(std::string_view bytes) = 0;
};

}  // namespace seed::messaging
