#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "policy/parser.hpp"

// Policy documents for the tests: a valid one with every probe kind, to change one field at a time.
namespace seed::test {

inline nlohmann::json valid_policy_json() {
  return nlohmann::json::parse(R"({
    "version": 1,
    "require_caller": false,
    "allowed_callers": ["chrome-extension://abcdefghijklmnopabcdefghijklmnop/", "seed-attest-store@agency.gov.sg"],
    "probes": [
      {"id": "gsib-cert", "kind": "device_certificate",
       "certificate": "/etc/gsib/device.pem", "key": "/etc/gsib/device.key",
       "anchors": ["/etc/gsib/root-ca.pem"], "intermediates": ["/etc/gsib/issuing-ca.pem"],
       "policy_oids": ["1.3.6.1.4.1.99999.1.1"], "subject": {"OU": "^GSIB"}},
      {"id": "bitlocker-pin", "kind": "command",
       "argv": ["C:\\Windows\\System32\\manage-bde.exe", "-protectors", "-get", "C:"],
       "timeout_ms": 2000, "match": "TPM And PIN"},
      {"id": "gsib-release", "kind": "file", "path": "/etc/gsib-release", "match": "^edition=non-se$"},
      {"id": "tanium", "kind": "process", "name": "TaniumClient"},
      {"id": "os-supported", "kind": "os", "field": "version", "match": "^(10|11)\\."}
    ],
    "classes": [
      {"class": "non_se_gsib", "any": ["gsib-cert", "bitlocker-pin"]},
      {"class": "gmd", "all": ["tanium"]}
    ],
    "default": "internet_device",
    "readiness": [
      {"check": "os", "title": "Supported operating system", "probe": "os-supported", "pass_when": "match"},
      {"check": "no-tanium", "title": "No Tanium client installed yet", "probe": "tanium", "pass_when": "no_match"}
    ]
  })");
}

// what() of the PolicyError that parsing `document` throws, or "accepted" when it parses.
inline std::string rejection(const nlohmann::json& document) {
  try {
    seed::policy::parse_policy(document.dump());
  } catch (const seed::policy::PolicyError& error) {
    return error.what();
  }
  return "accepted";
}

}  // namespace seed::test
