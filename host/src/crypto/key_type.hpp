#pragma once

#include <openssl/types.h>

#include <string>

namespace seed::crypto {

// The key types a token can be signed with: JWS ES256 needs EC P-256, RS256 RSA of 2048 bits or more.
enum class KeyType { ec_p256, rsa, unsupported };

KeyType key_type(const EVP_PKEY* key);

// For messages: e.g. "EC P-256", "RSA 2048-bit", "EC secp384r1", "ED25519".
std::string describe_key(const EVP_PKEY* key);

}  // namespace seed::crypto
