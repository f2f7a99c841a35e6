#include "crypto/crypto_error.hpp"

#include <openssl/err.h>

#include <cstring>

namespace seed::crypto {

std::string with_openssl_reason(std::string_view what) {
  std::string message(what);
  // The last error queued is the innermost one, e.g. "No such file or directory" rather than the
  // generic "unregistered scheme" that precedes it.
  const unsigned long code = ERR_peek_last_error();
  if (code != 0) {
    // System errors carry errno, which OpenSSL 3 does not name.
    const char* reason =
        ERR_SYSTEM_ERROR(code) ? std::strerror(ERR_GET_REASON(code)) : ERR_reason_error_string(code);
    message += ": ";
    message += reason != nullptr ? reason : "unknown OpenSSL error";
  }
  ERR_clear_error();
  return message;
}

void throw_openssl_error(std::string_view what) { throw CryptoError(with_openssl_reason(what)); }

}  // namespace seed::crypto
