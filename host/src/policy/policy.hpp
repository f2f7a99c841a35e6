#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

// The policy document, schema version 1 (docs/POLICY.md). A plain model: parsing and validation
// live in parser.hpp, finding the document in loader.hpp.
namespace seed::policy {

struct FileProbe {
  std::string path;
  std::optional<std::string> match;  // ECMAScript regex, multiline, over the first 64 KiB
};

struct CommandProbe {
  std::vector<std::string> argv;  // argv[0] is an absolute path; never run through a shell
  int timeout_ms = 2000;
  std::optional<std::string> match;
  std::optional<int> exit_code;
};

struct ProcessProbe {
  std::string name;  // executable name, compared for equality
};

// disk_encryption extends the contract's five fields: how the root filesystem's volume is
// encrypted ("luks", "dm-crypt", "none", "unknown"); Linux only, elsewhere a command probe says it.
enum class OsField { name, version, kernel, arch, virtualization, disk_encryption };

struct OsProbe {
  OsField field = OsField::name;
  std::string match;
};

struct CertificateProbe {
  std::string certificate;  // PEM path or OpenSSL store URI
  std::string key;          // PEM path or OpenSSL store URI
  std::vector<std::string> anchors;
  std::vector<std::string> intermediates;
  std::vector<std::string> policy_oids;
  std::vector<std::pair<std::string, std::string>> subject;  // attribute short name -> regex
  bool show_identifiers = false;  // put the serial and subject in the evidence detail
};

using ProbeSpec = std::variant<FileProbe, CommandProbe, ProcessProbe, OsProbe, CertificateProbe>;

struct Probe {
  std::string id;
  ProbeSpec spec;
};

// The kind name as the schema spells it: "file", "command", "process", "os", "device_certificate".
const char* kind_name(const ProbeSpec& spec);
// The field name as the schema spells it: "name", "version", ..., "disk_encryption".
const char* field_name(OsField field);

enum class RuleMode { all, any };

struct ClassRule {
  std::string device_class;
  RuleMode mode = RuleMode::all;
  std::vector<std::string> probes;
};

enum class PassWhen { match, no_match };

struct ReadinessCheck {
  std::string check;
  std::string title;
  std::string probe;
  PassWhen pass_when = PassWhen::match;
};

struct Policy {
  int version = 1;
  bool require_caller = false;
  std::vector<std::string> allowed_callers;
  std::vector<Probe> probes;
  std::vector<ClassRule> classes;
  std::string default_class = "internet_device";
  std::vector<ReadinessCheck> readiness;
};

// The device classes of the contract, section 1.
inline constexpr const char* kDeviceClasses[] = {"non_se_gsib", "se_gsib", "gmd", "internet_device",
                                                 "unknown"};

}  // namespace seed::policy
