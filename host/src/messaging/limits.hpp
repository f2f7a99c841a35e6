#pragma once

#include <cstddef>

namespace seed::messaging {

inline constexpr std::size_t kMaxInboundFrame = 64 * 1024;   // requests are small
inline constexpr std::size_t kMaxOutboundFrame = 1'000'000;  // Chrome's limit for host messages
inline constexpr int kMaxJsonDepth = 32;
inline constexpr std::size_t kMaxIdLength = 128;             // code points

}  // namespace seed::messaging
