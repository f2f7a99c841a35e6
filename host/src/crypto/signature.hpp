#pragma once

#include <openssl/types.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/private_key.hpp"

// SHA-256 signatures as OpenSSL makes them: ECDSA signatures DER-encoded, RSA signatures PKCS#1
// v1.5. JWS wants ECDSA as fixed-size r||s instead; the conversions are here too.
namespace seed::crypto {

// Throws CryptoError when the key cannot sign (e.g. a provider refuses).
std::string sign_sha256(const PrivateKey& key, std::string_view data);

// False for a wrong or malformed signature; never throws for bad input.
bool verify_sha256(EVP_PKEY* public_key, std::string_view data, std::string_view signature);

// DER ECDSA-Sig-Value -> r||s, each left-padded to `component_size` bytes (32 for P-256).
// Throws CryptoError when the DER is malformed or a component does not fit.
std::string ecdsa_der_to_raw(std::string_view der, std::size_t component_size);

// r||s (even, non-zero length) -> DER ECDSA-Sig-Value; empty when the input cannot be one.
std::optional<std::string> ecdsa_raw_to_der(std::string_view raw);

}  // namespace seed::crypto
