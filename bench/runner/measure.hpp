#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "child_process.hpp"
#include "scenarios.hpp"

namespace seed::bench {

// A run whose host did not answer as it should; the figure it belongs to is void for that host.
class RunFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ColdSample {
  double milliseconds = 0;              // spawn to the last byte of the first reply
  std::optional<double> peak_rss_mib;   // VmHWM right after the reply, while the host still runs
};

// The bytes of one frame: 32-bit native-order length, then the JSON body.
std::string encode_frame(const nlohmann::json& message);

// Starts the host, writes `request_frame`, reads the first reply, then closes stdin and expects
// exit code 0. `check` (may be null) judges the reply. Throws RunFailed.
ColdSample measure_cold(const Launch& launch, const std::string& request_frame, const ReplyCheck* check);

struct RoundTripSample {
  double per_second = 0;
  std::optional<double> peak_rss_mib;
};

// One connection: `warmup` untimed round trips, then `count` timed ones, each a write of
// `request_frame` and a read of its reply. Throws RunFailed.
RoundTripSample measure_round_trips(const Launch& launch, const std::string& request_frame, int warmup, int count);

}  // namespace seed::bench
