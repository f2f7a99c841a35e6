#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "messaging/byte_stream.hpp"

namespace seed::test {

// Hands out the input in the given chunk sizes (the last one repeats), like a pipe would.
class ChunkedSource final : public messaging::ByteSource {
 public:
  ChunkedSource(std::string data, std::vector<std::size_t> chunks) : data_(std::move(data)), chunks_(std::move(chunks)) {}

  std::size_t read_some(char* buffer, std::size_t capacity) override {
    const std::size_t chunk = chunks_.empty() ? data_.size() : chunks_[std::min(call_, chunks_.size() - 1)];
    ++call_;
    const std::size_t count = std::min({capacity, chunk, data_.size() - offset_});
    std::copy_n(data_.data() + offset_, count, buffer);
    offset_ += count;
    return count;
  }

 private:
  std::string data_;
  std::vector<std::size_t> chunks_;
  std::size_t offset_ = 0;
  std::size_t call_ = 0;
};

class StringSink final : public messaging::ByteSink {
 public:
  bool write_all(std::string_view bytes) override {
    if (closed) return false;
    data.append(bytes);
    ++writes;
    return true;
  }
  std::string data;
  int writes = 0;
  bool closed = false;
};

}  // namespace seed::test
