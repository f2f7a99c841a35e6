#pragma once

#include <vector>

#include "crypto/certificate.hpp"
#include "crypto/private_key.hpp"

namespace seed::crypto {

// A private key and the certificates that vouch for it: its own certificate first, then the
// intermediates up to (not including) the trust anchor. A token's x5c carries exactly this chain.
struct CertifiedKey {
  PrivateKey key;
  std::vector<Certificate> chain;
};

}  // namespace seed::crypto
