#include "crypto/key_type.hpp"

#include <openssl/evp.h>

#include <array>
#include <string_view>

namespace seed::crypto {
namespace {

constexpr int kMinimumRsaBits = 2048;  // RFC 7518 section 3.3

std::string group_name(const EVP_PKEY* key) {
  std::array<char, 64> name{};
  std::size_t length = 0;
  if (EVP_PKEY_get_group_name(key, name.data(), name.size(), &length) != 1) return {};
  return std::string(name.data(), length);
}

bool is_p256(const std::string& group) { return group == "prime256v1" || group == "P-256" || group == "secp256r1"; }

}  // namespace

KeyType key_type(const EVP_PKEY* key) {
  if (key == nullptr) return KeyType::unsupported;
  if (EVP_PKEY_is_a(key, "EC") == 1) return is_p256(group_name(key)) ? KeyType::ec_p256 : KeyType::unsupported;
  if (EVP_PKEY_is_a(key, "RSA") == 1) {
    return EVP_PKEY_get_bits(key) >= kMinimumRsaBits ? KeyType::rsa : KeyType::unsupported;
  }
  return KeyType::unsupported;
}

std::string describe_key(const EVP_PKEY* key) {
  if (key == nullptr) return "no key";
  if (EVP_PKEY_is_a(key, "EC") == 1) {
    const std::string group = group_name(key);
    return is_p256(group) ? "EC P-256" : "EC " + (group.empty() ? std::string("(unknown curve)") : group);
  }
  if (EVP_PKEY_is_a(key, "RSA") == 1) return "RSA " + std::to_string(EVP_PKEY_get_bits(key)) + "-bit";
  const char* name = EVP_PKEY_get0_type_name(key);
  return name != nullptr ? name : "unknown key type";
}

}  // namespace seed::crypto
