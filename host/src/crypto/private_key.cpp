#include "crypto/private_key.hpp"

#include <openssl/err.h>

#include "crypto/crypto_error.hpp"

namespace seed::crypto {

PrivateKey::PrivateKey(KeyPtr key) : key_(std::move(key)) {
  if (!key_) throw CryptoError("no private key");
}

bool PrivateKey::pairs_with(const Certificate& certificate) const {
  const bool equal = EVP_PKEY_eq(certificate.public_key(), key_.get()) == 1;
  ERR_clear_error();  // a type mismatch (EC key, RSA certificate) queues an error we answer with false
  return equal;
}

}  // namespace seed::crypto
