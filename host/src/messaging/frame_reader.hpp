#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "messaging/byte_stream.hpp"

namespace seed::messaging {

enum class ReadStatus {
  frame,          // `body` holds one whole message
  end_of_stream,  // the stream closed cleanly between frames
  truncated,      // the stream closed inside a length prefix or body
  too_large,      // the prefix announced more than the inbound limit; nothing more can be trusted
};

struct ReadResult {
  ReadStatus status = ReadStatus::end_of_stream;
  std::string body;
  std::uint32_t declared_length = 0;
};

// Reads length-prefixed frames (32-bit length in native byte order). The limit is checked before
// anything is allocated for the body; bytes are read in large chunks, so many small frames written
// at once cost one read.
class FrameReader {
 public:
  explicit FrameReader(ByteSource& source);
  ReadResult next();

 private:
  bool ensure(std::size_t count);  // false: the stream ended first

  ByteSource& source_;
  // Left uninitialised: zeroing 64 KiB would touch 16 pages at every start for a few-byte hello.
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace seed::messaging
