#pragma once

#include <openssl/types.h>

#include <string>

#include "crypto/certificate.hpp"
#include "crypto/handles.hpp"

namespace seed::crypto {

// A private key, held in memory or by a provider (PKCS#11, TPM) behind an OpenSSL store URI.
// Copies share the underlying key (OpenSSL reference counting).
class PrivateKey {
 public:
  explicit PrivateKey(KeyPtr key);  // takes ownership; must not be null
  PrivateKey(const PrivateKey& other);
  PrivateKey& operator=(const PrivateKey& other);
  PrivateKey(PrivateKey&&) noexcept = default;
  PrivateKey& operator=(PrivateKey&&) noexcept = default;
  ~PrivateKey() = default;

  // True when `certificate` certifies this key's public half.
  [[nodiscard]] bool pairs_with(const Certificate& certificate) const;
  [[nodiscard]] EVP_PKEY* get() const { return key_.get(); }

 private:
  KeyPtr key_;
};

}  // namespace seed::crypto
