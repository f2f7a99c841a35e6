#include "measure.hpp"

#include <chrono>
#include <cstdint>
#include <cstring>

namespace seed::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kReplyTimeout{15000};
constexpr std::chrono::milliseconds kExitTimeout{5000};

double milliseconds_between(Clock::time_point start, Clock::time_point end) {
  return std::chrono::duration<double, std::milli>(end - start).count();
}

std::optional<double> mib(std::optional<long> kib) {
  if (!kib) return std::nullopt;
  return static_cast<double>(*kib) / 1024.0;
}

void expect_clean_exit(ChildProcess& child) {
  child.close_stdin();
  const auto code = child.wait(kExitTimeout);
  if (!code) throw RunFailed("the host did not exit by itself after stdin closed");
  if (*code != 0) throw RunFailed("the host exited with code " + std::to_string(*code));
}

}  // namespace

std::string encode_frame(const nlohmann::json& message) {
  const std::string body = message.dump();
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string frame(sizeof length, '\0');
  std::memcpy(frame.data(), &length, sizeof length);
  return frame + body;
}

ColdSample measure_cold(const Launch& launch, const std::string& request_frame, const ReplyCheck* check) {
  const auto start = Clock::now();
  ChildProcess child(launch);
  if (!child.write_all(request_frame)) throw RunFailed("the host closed stdin before the request");
  const auto reply = child.read_frame(kReplyTimeout);
  const auto end = Clock::now();
  if (!reply) throw RunFailed("no reply frame");
  ColdSample sample{milliseconds_between(start, end), mib(child.peak_rss_kib())};
  expect_clean_exit(child);
  if (check != nullptr) {
    const auto parsed = nlohmann::json::parse(*reply, nullptr, false);
    if (parsed.is_discarded()) throw RunFailed("the reply is not JSON");
    if (const auto problem = (*check)(parsed)) throw RunFailed(*problem);
  }
  return sample;
}

RoundTripSample measure_round_trips(const Launch& launch, const std::string& request_frame, int warmup, int count) {
  ChildProcess child(launch);
  const auto round_trip = [&] {
    if (!child.write_all(request_frame)) throw RunFailed("the host closed stdin");
    if (!child.read_frame(kReplyTimeout)) throw RunFailed("no reply frame");
  };
  for (int i = 0; i < warmup; ++i) round_trip();
  const auto start = Clock::now();
  for (int i = 0; i < count; ++i) round_trip();
  const auto end = Clock::now();
  RoundTripSample sample{count / std::chrono::duration<double>(end - start).count(), mib(child.peak_rss_kib())};
  expect_clean_exit(child);
  return sample;
}

}  // namespace seed::bench
