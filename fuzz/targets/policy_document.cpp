// The policy parser and validator on any document. Agencies write policies, but a policy named by
// --policy or SEED_ATTEST_POLICY is anyone's, and the parser is the first code that reads it.
//
// Properties: only PolicyError escapes; a refused document names where (what() starts with its
// `where`); the strict JSON reader accepts only what nlohmann's parser also reads, to the same
// value; an accepted policy keeps every limit of docs/POLICY.md and every reference resolves.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "common/pattern.hpp"
#include "policy/parser.hpp"
#include "policy/policy_error.hpp"
#include "policy/strict_json.hpp"
#include "support/check.hpp"

namespace {

using namespace seed::policy;

bool compiles(const std::string& source) { return seed::Pattern::compile(source).has_value(); }

// Absolute on some platform: /path, C:\path, C:/path or \\server\share (docs/POLICY.md).
bool is_absolute(const std::string& path) {
  if (path.starts_with('/') || path.starts_with("\\\\")) return true;
  return path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) != 0 && path[1] == ':' &&
         (path[2] == '\\' || path[2] == '/');
}

bool is_device_class(const std::string& name) {
  return std::find(std::begin(kDeviceClasses), std::end(kDeviceClasses), name) != std::end(kDeviceClasses);
}

void check_probe(const Probe& probe) {
  SEED_FUZZ_CHECK(!probe.id.empty() && probe.id.size() <= 64);
  std::visit(
      [](const auto& spec) {
        using Spec = std::decay_t<decltype(spec)>;
        if constexpr (std::is_same_v<Spec, FileProbe>) {
          SEED_FUZZ_CHECK(is_absolute(spec.path));
          if (spec.match) SEED_FUZZ_CHECK(compiles(*spec.match));
        } else if constexpr (std::is_same_v<Spec, CommandProbe>) {
          SEED_FUZZ_CHECK(!spec.argv.empty() && spec.argv.size() <= kMaxListItems);
          SEED_FUZZ_CHECK(is_absolute(spec.argv.front()));
          SEED_FUZZ_CHECK(spec.timeout_ms >= 1 && spec.timeout_ms <= kMaxTimeoutMs);
          if (spec.match) SEED_FUZZ_CHECK(compiles(*spec.match));
        } else if constexpr (std::is_same_v<Spec, ProcessProbe>) {
          SEED_FUZZ_CHECK(!spec.name.empty());
        } else if constexpr (std::is_same_v<Spec, OsProbe>) {
          SEED_FUZZ_CHECK(compiles(spec.match));
        } else {
          SEED_FUZZ_CHECK(!spec.certificate.empty() && !spec.key.empty() && !spec.anchors.empty());
          SEED_FUZZ_CHECK(spec.anchors.size() <= kMaxListItems && spec.intermediates.size() <= kMaxListItems);
          for (const auto& [attribute, pattern] : spec.subject) SEED_FUZZ_CHECK(compiles(pattern));
        }
      },
      probe.spec);
}

void check_accepted(const Policy& policy) {
  SEED_FUZZ_CHECK(policy.version == 1);
  SEED_FUZZ_CHECK(policy.probes.size() <= kMaxProbes);
  SEED_FUZZ_CHECK(policy.classes.size() <= kMaxClassRules);
  SEED_FUZZ_CHECK(policy.readiness.size() <= kMaxReadinessChecks);
  SEED_FUZZ_CHECK(policy.allowed_callers.size() <= kMaxAllowedCallers);
  std::set<std::string> ids;
  for (const auto& probe : policy.probes) {
    check_probe(probe);
    SEED_FUZZ_CHECK(ids.insert(probe.id).second);
  }
  for (const auto& rule : policy.classes) {
    SEED_FUZZ_CHECK(is_device_class(rule.device_class));
    SEED_FUZZ_CHECK(!rule.probes.empty() && rule.probes.size() <= kMaxListItems);
    for (const auto& id : rule.probes) SEED_FUZZ_CHECK(ids.count(id) == 1);
  }
  SEED_FUZZ_CHECK(is_device_class(policy.default_class));
  for (const auto& check : policy.readiness) {
    SEED_FUZZ_CHECK(!check.check.empty() && check.check.size() <= 64);
    SEED_FUZZ_CHECK(!check.title.empty() && check.title.size() <= 200);
    SEED_FUZZ_CHECK(ids.count(check.probe) == 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view document(reinterpret_cast<const char*>(data), size);

  try {
    const auto strict = parse_strict_json(document);
    const auto reference = nlohmann::json::parse(document, nullptr, false);
    SEED_FUZZ_CHECK(!reference.is_discarded() && strict == reference);
  } catch (const PolicyError&) {
  }

  try {
    check_accepted(parse_policy(document));
  } catch (const PolicyError& refused) {
    SEED_FUZZ_CHECK(std::string_view(refused.what()).starts_with(refused.where()));
  }
  return 0;
}
