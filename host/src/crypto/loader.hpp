#pragma once

#include <string>
#include <vector>

#include "crypto/certificate.hpp"
#include "crypto/private_key.hpp"

// Certificates and keys from a PEM file path or an OpenSSL store URI (file:, or a provider's
// scheme such as pkcs11: or tpm2: when that provider is configured). Nothing ever prompts: a key
// that needs a passphrase fails to load.
namespace seed::crypto {

// "scheme:..." with a scheme of two or more characters is a store URI; "/etc/..." and "C:\..." are
// paths.
bool is_store_uri(const std::string& location);

// Every certificate at `location`, in order (at least one). Throws CryptoError.
std::vector<Certificate> load_certificates(const std::string& location);

// The first certificate at `location`. Throws CryptoError.
Certificate load_certificate(const std::string& location);

// The first private key at `location`. Throws CryptoError.
PrivateKey load_private_key(const std::string& location);

}  // namespace seed::crypto
