#include "token/algorithm.hpp"

#include "crypto/key_type.hpp"

namespace seed::token {

std::string_view algorithm_name(Algorithm algorithm) {
  return algorithm == Algorithm::es256 ? "ES256" : "RS256";
}

std::optional<Algorithm> algorithm_from_name(std::string_view name) {
  if (name == "ES256") return Algorithm::es256;
  if (name == "RS256") return Algorithm::rs256;
  return std::nullopt;
}

std::optional<Algorithm> algorithm_for_key(const EVP_PKEY* key) {
  switch (crypto::key_type(key)) {
    case crypto::KeyType::ec_p256:
      return Algorithm::es256;
    case crypto::KeyType::rsa:
      return Algorithm::rs256;
    case crypto::KeyType::unsupported:
      break;
  }
  return std::nullopt;
}

}  // namespace seed::token
