#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace seed::crypto {

// A certificate or key could not be loaded, parsed or used. The message says what and why, and
// never carries key material.
class CryptoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `what`, followed by the most specific reason OpenSSL queued (the queue is then cleared).
std::string with_openssl_reason(std::string_view what);

// Throws CryptoError(with_openssl_reason(what)).
[[noreturn]] void throw_openssl_error(std::string_view what);

}  // namespace seed::crypto
