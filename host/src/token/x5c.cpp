#include "token/x5c.hpp"

#include <algorithm>
#include <utility>

#include "common/base64url.hpp"
#include "crypto/crypto_error.hpp"
#include "token/token_error.hpp"

namespace seed::token {
namespace {

constexpr std::size_t kMaxCertificates = 8;

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string text = base64url::encode(bytes);
  std::replace(text.begin(), text.end(), '-', '+');
  std::replace(text.begin(), text.end(), '_', '/');
  text.append((4 - text.size() % 4) % 4, '=');
  return text;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  const std::size_t unpadded = text.find_last_not_of('=') + 1;  // npos + 1 == 0 for all '='
  if (text.size() - unpadded > 2) return std::nullopt;
  std::string url(text.substr(0, unpadded));
  if (url.find_first_of("-_=") != std::string::npos) return std::nullopt;
  std::replace(url.begin(), url.end(), '+', '-');
  std::replace(url.begin(), url.end(), '/', '_');
  // Padding must be exactly what the length needs (base64url::decode refuses impossible lengths).
  if ((4 - url.size() % 4) % 4 != text.size() - unpadded) return std::nullopt;
  return base64url::decode(url);
}

nlohmann::json encode_x5c(std::span<const crypto::Certificate> chain) {
  nlohmann::json x5c = nlohmann::json::array();
  for (const crypto::Certificate& certificate : chain) x5c.push_back(base64_encode(certificate.der()));
  return x5c;
}

std::vector<crypto::Certificate> decode_x5c(const nlohmann::json& x5c) {
  if (!x5c.is_array() || x5c.empty() || x5c.size() > kMaxCertificates) {
    throw TokenError(TokenFailure::malformed,
                     "header x5c must be an array of 1 to " + std::to_string(kMaxCertificates) + " certificates");
  }
  std::vector<crypto::Certificate> certificates;
  for (std::size_t i = 0; i < x5c.size(); ++i) {
    const std::string label = "x5c[" + std::to_string(i) + "]";
    if (!x5c[i].is_string()) throw TokenError(TokenFailure::malformed, label + " is not a string");
    const auto der = base64_decode(x5c[i].get_ref<const std::string&>());
    if (!der) throw TokenError(TokenFailure::malformed, label + " is not standard base64");
    try {
      crypto::Certificate certificate = crypto::Certificate::from_der(*der);
      // A DER certificate can parse while OpenSSL holds no key for it (an EC point off its curve):
      // such a certificate is refused here, before any check asks for its key.
      static_cast<void>(certificate.public_key());
      certificates.push_back(std::move(certificate));
    } catch (const crypto::CryptoError& error) {
      throw TokenError(TokenFailure::malformed, label + ": " + error.what());
    }
  }
  return certificates;
}

}  // namespace seed::token
