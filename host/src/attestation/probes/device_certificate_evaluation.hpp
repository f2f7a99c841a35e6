#pragma once

#include <chrono>
#include <optional>

#include "attestation/probe_result.hpp"
#include "crypto/certified_key.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

struct DeviceCertificateEvaluation {
  ProbeResult result;
  // On a match: the device key and its chain (device certificate, then the intermediates of the
  // verified path, without the anchor), ready to sign a token.
  std::optional<crypto::CertifiedKey> identity;
};

// The device_certificate probe at `now`, in order of cost: load the certificate, the anchors and
// intermediates; verify the chain; check the policy OIDs and subject; then load the key (which may
// sit on a token or TPM) and check that it pairs. A missing certificate or key file is no_match
// (this is not such a device); one that cannot be read, or a bad anchor, is an error.
DeviceCertificateEvaluation evaluate_device_certificate(const policy::CertificateProbe& probe,
                                                        std::chrono::system_clock::time_point now);

// The key to sign a token with, for a probe that matched. When this process already evaluated the
// same probe and it matched, what it loaded is used again if the chain still verifies at `now`
// (subject, policy OIDs and key pairing cannot have changed for the same certificate and key);
// otherwise the probe is evaluated afresh. A browser starts the host for one request, so this
// spares reading and parsing every file a second time a few milliseconds after the first.
DeviceCertificateEvaluation signing_identity(const policy::CertificateProbe& probe,
                                             std::chrono::system_clock::time_point now);

}  // namespace seed::attestation
