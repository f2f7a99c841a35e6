#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "crypto/certificate.hpp"

namespace seed::crypto {

struct ChainVerification {
  // Why the chain does not verify, e.g. "certificate has expired (depth 0)"; empty when it does.
  std::optional<std::string> problem;
  // The subject of the certificate at that depth, when known: an identifier, kept apart so that
  // reports can leave it out.
  std::string problem_subject;
  // The verified path, leaf first, ending with the trust anchor; empty when verification failed.
  std::vector<Certificate> path;

  [[nodiscard]] bool verified() const { return !problem.has_value(); }
};

// Verifies `leaf` to one of `anchors` through `intermediates` as things stand at `at`: signatures,
// validity periods, CA constraints. Only the given anchors are trusted (never the system store);
// an anchor need not be self-signed, so an agency may pin its issuing CA. Throws CryptoError only
// when OpenSSL itself fails (memory), never for an untrusted chain.
ChainVerification verify_chain(const Certificate& leaf, std::span<const Certificate> intermediates,
                               std::span<const Certificate> anchors, std::chrono::system_clock::time_point at);

}  // namespace seed::crypto
