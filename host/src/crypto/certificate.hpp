#pragma once

#include <openssl/types.h>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crypto/handles.hpp"

namespace seed::crypto {

// Whether OpenSSL knows `name` as an object's short name ("OU", "CN"), as subject_values() takes it.
bool is_known_short_name(const std::string& name);

// One X.509 certificate. Copies share the underlying object (OpenSSL reference counting).
class Certificate {
 public:
  explicit Certificate(X509Ptr certificate);  // takes ownership; must not be null
  Certificate(const Certificate& other);
  Certificate& operator=(const Certificate& other);
  Certificate(Certificate&&) noexcept = default;
  Certificate& operator=(Certificate&&) noexcept = default;
  ~Certificate() = default;

  // Parses DER; the whole input must be one certificate. Throws CryptoError.
  static Certificate from_der(std::string_view der);

  [[nodiscard]] std::string der() const;
  // The serial number in lowercase hex, two digits per byte, no separators (e.g. "5b1f6d86...").
  [[nodiscard]] std::string serial_hex() const;
  // The subject on one line, RFC 2253 style (e.g. "CN=host,OU=GSIB SE,O=Agency,C=SG").
  [[nodiscard]] std::string subject_line() const;
  // The subject's attributes in order: short name (or dotted OID when it has none) and UTF-8 value.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> subject_attributes() const;
  // Every value of one subject attribute, named by short name (e.g. "OU") or dotted OID.
  [[nodiscard]] std::vector<std::string> subject_values(std::string_view attribute) const;
  // The dotted OIDs of the certificatePolicies extension (empty when absent). Throws CryptoError
  // when the extension is malformed or repeated.
  [[nodiscard]] std::vector<std::string> policy_oids() const;
  [[nodiscard]] std::chrono::system_clock::time_point not_before() const;
  [[nodiscard]] std::chrono::system_clock::time_point not_after() const;

  // Borrowed: valid while this certificate lives.
  [[nodiscard]] EVP_PKEY* public_key() const;
  [[nodiscard]] X509* get() const { return certificate_.get(); }

 private:
  X509Ptr certificate_;
};

}  // namespace seed::crypto
