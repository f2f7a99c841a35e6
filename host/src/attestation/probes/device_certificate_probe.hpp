#pragma once

#include "attestation/probe_result.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

// Matches when the certificate chains to one of the anchors (through the intermediates) now,
// carries every required policy OID, its subject matches every attribute regex, and the key
// pairs with the certificate. The detail says which check failed.
ProbeResult run_device_certificate_probe(const policy::CertificateProbe& probe);

}  // namespace seed::attestation
