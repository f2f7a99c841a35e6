#pragma once

#include <openssl/types.h>

#include <optional>
#include <string_view>

namespace seed::token {

// The only JWS algorithms this format uses. Never `none`, never an HMAC: a verifier that accepted
// HS256 could be fooled by an HMAC keyed with the (public) certificate.
enum class Algorithm { es256, rs256 };

std::string_view algorithm_name(Algorithm algorithm);  // "ES256", "RS256"
std::optional<Algorithm> algorithm_from_name(std::string_view name);

// ES256 for an EC P-256 key, RS256 for RSA of 2048 bits or more; empty for any other key.
std::optional<Algorithm> algorithm_for_key(const EVP_PKEY* key);

}  // namespace seed::token
