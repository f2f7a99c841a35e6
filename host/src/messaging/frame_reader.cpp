#include "messaging/frame_reader.hpp"

#include <cstring>

#include "messaging/limits.hpp"

namespace seed::messaging {
namespace {
constexpr std::size_t kPrefix = sizeof(std::uint32_t);
}

FrameReader::FrameReader(ByteSource& source)
    : source_(source),
      buffer_(std::make_unique_for_overwrite<char[]>(kPrefix + kMaxInboundFrame)),
      capacity_(kPrefix + kMaxInboundFrame) {}

bool FrameReader::ensure(std::size_t count) {
  if (end_ - begin_ >= count) return true;
  if (capacity_ - begin_ < count) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  while (end_ - begin_ < count) {
    const std::size_t got = source_.read_some(buffer_.get() + end_, capacity_ - end_);
    if (got == 0) return false;
    end_ += got;
  }
  return true;
}

ReadResult FrameReader::next() {
  ReadResult result;
  if (!ensure(kPrefix)) {
    result.status = begin_ == end_ ? ReadStatus::end_of_stream : ReadStatus::truncated;
    return result;
  }
  std::memcpy(&result.declared_length, buffer_.get() + begin_, kPrefix);
  if (result.declared_length > kMaxInboundFrame) {
    result.status = ReadStatus::too_large;
    return result;
  }
  if (!ensure(kPrefix + result.declared_length)) {
    result.status = ReadStatus::truncated;
    return result;
  }
  begin_ += kPrefix;
  result.body.assign(buffer_.get() + begin_, result.declared_length);
  begin_ += result.declared_length;
  if (begin_ == end_) begin_ = end_ = 0;
  result.status = ReadStatus::frame;
  return result;
}

}  // namespace seed::messaging
