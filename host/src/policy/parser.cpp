#include "policy/parser.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>

#include "common/pattern.hpp"
#include "crypto/certificate.hpp"
#include "policy/strict_json.hpp"

namespace seed::policy {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxTextLength = 4096;
constexpr std::size_t kMaxTitleLength = 200;
constexpr std::size_t kMaxRegexLength = 1024;
constexpr std::size_t kMaxIdLength = 64;

std::string child(const std::string& where, std::string_view key) {
  return where.empty() ? std::string(key) : where + "." + std::string(key);
}

std::string item(const std::string& where, std::size_t index) { return where + "[" + std::to_string(index) + "]"; }

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string joined(std::initializer_list<std::string_view> names) {
  std::string out;
  for (const auto name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

const json& object_at(const json& value, const std::string& where) {
  if (!value.is_object()) throw PolicyError(where, "must be an object");
  return value;
}

void only_fields(const json& object, const std::string& where, std::initializer_list<std::string_view> allowed,
                 std::string_view what) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      throw PolicyError(child(where, key), "unknown field (" + std::string(what) + " has " + joined(allowed) + ")");
    }
  }
}

const json* optional_field(const json& object, std::string_view key) {
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

const json& required_field(const json& object, const std::string& where, std::string_view key) {
  const json* value = optional_field(object, key);
  if (value == nullptr) throw PolicyError(child(where, key), "is required");
  return *value;
}

std::string text_value(const json& value, const std::string& where, std::size_t max_length = kMaxTextLength) {
  if (!value.is_string()) throw PolicyError(where, "must be a string");
  const auto& text = value.get_ref<const std::string&>();
  if (text.empty()) throw PolicyError(where, "must not be empty");
  if (text.size() > max_length) throw PolicyError(where, "is longer than " + std::to_string(max_length) + " bytes");
  if (text.find('\0') != std::string::npos) throw PolicyError(where, "must not contain a NUL character");
  return text;
}

std::string required_text(const json& object, const std::string& where, std::string_view key,
                          std::size_t max_length = kMaxTextLength) {
  return text_value(required_field(object, where, key), child(where, key), max_length);
}

bool optional_flag(const json& object, const std::string& where, std::string_view key, bool fallback) {
  const json* value = optional_field(object, key);
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) throw PolicyError(child(where, key), "must be true or false");
  return value->get<bool>();
}

int integer_value(const json& value, const std::string& where, int lowest, int highest) {
  const std::string range = "must be an integer from " + std::to_string(lowest) + " to " + std::to_string(highest);
  if (!value.is_number_integer()) throw PolicyError(where, range);
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(highest)) {
    throw PolicyError(where, range);
  }
  const auto number = value.get<std::int64_t>();
  if (number < lowest || number > highest) throw PolicyError(where, range);
  return static_cast<int>(number);
}

const json& list_value(const json& value, const std::string& where, std::size_t fewest, std::size_t most) {
  if (!value.is_array()) throw PolicyError(where, "must be a list");
  if (value.size() < fewest) throw PolicyError(where, "must have at least " + std::to_string(fewest) + " item(s)");
  if (value.size() > most) throw PolicyError(where, "must have at most " + std::to_string(most) + " items");
  return value;
}

std::vector<std::string> text_list(const json& value, const std::string& where, std::size_t fewest,
                                   std::size_t most = kMaxListItems) {
  std::vector<std::string> texts;
  const json& list = list_value(value, where, fewest, most);
  for (std::size_t i = 0; i < list.size(); ++i) texts.push_back(text_value(list[i], item(where, i)));
  return texts;
}

std::string regex_value(const json& value, const std::string& where) {
  if (!value.is_string()) throw PolicyError(where, "must be a string holding a regular expression");
  const auto& source = value.get_ref<const std::string&>();
  if (source.size() > kMaxRegexLength) {
    throw PolicyError(where, "is longer than " + std::to_string(kMaxRegexLength) + " bytes");
  }
  std::string problem;
  if (!Pattern::compile(source, &problem)) throw PolicyError(where, "invalid regular expression: " + problem);
  return source;
}

std::optional<std::string> optional_regex(const json& object, const std::string& where, std::string_view key) {
  const json* value = optional_field(object, key);
  if (value == nullptr) return std::nullopt;
  return regex_value(*value, child(where, key));
}

bool is_identifier(std::string_view text) {
  if (text.empty() || text.size() > kMaxIdLength) return false;
  const auto plain = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!plain(text.front())) return false;
  return std::all_of(text.begin(), text.end(), [&](char c) { return plain(c) || c == '.' || c == '_' || c == '-'; });
}

std::string identifier(const json& object, const std::string& where, std::string_view key) {
  const json& value = required_field(object, where, key);
  const std::string field = child(where, key);
  if (!value.is_string() || !is_identifier(value.get_ref<const std::string&>())) {
    throw PolicyError(field, "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
  }
  return value.get<std::string>();
}

// Absolute on the platform the policy is written for: /path, C:\path, C:/path or \\server\share.
bool is_absolute_path(std::string_view path) {
  if (path.starts_with("/") || path.starts_with("\\\\")) return true;
  const bool drive = path.size() >= 3 && ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z'));
  return drive && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
}

std::string absolute_path(const json& value, const std::string& where) {
  std::string path = text_value(value, where);
  if (!is_absolute_path(path)) throw PolicyError(where, "must be an absolute path, not " + in_quotes(path));
  return path;
}

// A PEM file by absolute path, or an OpenSSL store URI such as "pkcs11:token=..." or "file:/...".
std::string path_or_store_uri(const json& value, const std::string& where) {
  std::string locator = text_value(value, where);
  if (is_absolute_path(locator)) return locator;
  const auto colon = locator.find(':');
  const std::string_view scheme = std::string_view(locator).substr(0, colon);
  const bool uri = colon != std::string::npos && scheme.size() >= 2 &&
                   std::all_of(scheme.begin(), scheme.end(), [](char c) {
                     return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
                            c == '-' || c == '.';
                   });
  if (!uri) throw PolicyError(where, "must be an absolute path or an OpenSSL store URI (scheme:...), not " + in_quotes(locator));
  return locator;
}

bool is_oid(std::string_view text) {
  if (text.size() < 3 || text.size() > 128 || text[0] < '0' || text[0] > '2' || text[1] != '.') return false;
  bool arc_start = true;
  for (std::size_t i = 2; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (arc_start) return false;
      arc_start = true;
    } else if (c >= '0' && c <= '9') {
      if (arc_start && c == '0' && i + 1 < text.size() && text[i + 1] != '.') return false;  // no leading zeros
      arc_start = false;
    } else {
      return false;
    }
  }
  return !arc_start;
}

bool is_allowed_caller(std::string_view caller) {
  constexpr std::string_view kScheme = "chrome-extension://";
  if (caller.starts_with(kScheme)) {
    std::string_view id = caller.substr(kScheme.size());
    if (id.ends_with("/")) id.remove_suffix(1);
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'p'; });
  }
  // Firefox add-on IDs: an email-like name or a {GUID}.
  if (caller.size() > 80) return false;
  const auto name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-' || c == '+';
  };
  if (caller.size() == 38 && caller.front() == '{' && caller.back() == '}') {
    return std::all_of(caller.begin() + 1, caller.end() - 1, [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
    });
  }
  const auto at = caller.find('@');
  if (at == std::string_view::npos || at + 1 == caller.size() || caller.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  return std::all_of(caller.begin(), caller.end(), [&](char c) { return c == '@' || name_char(c); });
}

FileProbe file_probe(const json& object, const std::string& where) {
  only_fields(object, where, {"id", "kind", "path", "match"}, "a file probe");
  return FileProbe{absolute_path(required_field(object, where, "path"), child(where, "path")),
                   optional_regex(object, where, "match")};
}

CommandProbe command_probe(const json& object, const std::string& where) {
  only_fields(object, where, {"id", "kind", "argv", "timeout_ms", "match", "exit_code"}, "a command probe");
  CommandProbe probe;
  const std::string argv_where = child(where, "argv");
  const json& argv = list_value(required_field(object, where, "argv"), argv_where, 1, kMaxListItems);
  probe.argv.push_back(absolute_path(argv[0], item(argv_where, 0)));
  for (std::size_t i = 1; i < argv.size(); ++i) {
    if (!argv[i].is_string()) throw PolicyError(item(argv_where, i), "must be a string");
    const auto& argument = argv[i].get_ref<const std::string&>();
    if (argument.size() > kMaxTextLength) throw PolicyError(item(argv_where, i), "is too long");
    if (argument.find('\0') != std::string::npos) throw PolicyError(item(argv_where, i), "must not contain a NUL character");
    probe.argv.push_back(argument);
  }
  if (const json* timeout = optional_field(object, "timeout_ms")) {
    probe.timeout_ms = integer_value(*timeout, child(where, "timeout_ms"), 1, kMaxTimeoutMs);
  }
  probe.match = optional_regex(object, where, "match");
  if (const json* exit_code = optional_field(object, "exit_code")) {
    probe.exit_code = integer_value(*exit_code, child(where, "exit_code"), 0, 255);
  }
  return probe;
}

ProcessProbe process_probe(const json& object, const std::string& where) {
  only_fields(object, where, {"id", "kind", "name"}, "a process probe");
  std::string name = required_text(object, where, "name", 255);
  if (name.find('/') != std::string::npos) {
    throw PolicyError(child(where, "name"), "must be an executable's file name, not a path");
  }
  return ProcessProbe{std::move(name)};
}

OsProbe os_probe(const json& object, const std::string& where) {
  only_fields(object, where, {"id", "kind", "field", "match"}, "an os probe");
  const std::string field = required_text(object, where, "field");
  OsProbe probe;
  const std::initializer_list<OsField> fields = {OsField::name,           OsField::version,
                                                 OsField::kernel,         OsField::arch,
                                                 OsField::virtualization, OsField::disk_encryption};
  const auto found = std::find_if(fields.begin(), fields.end(), [&](OsField f) { return field == field_name(f); });
  if (found == fields.end()) {
    throw PolicyError(child(where, "field"),
                      "unknown field " + in_quotes(field) +
                          " (expected name, version, kernel, arch, virtualization or disk_encryption)");
  }
  probe.field = *found;
  probe.match = regex_value(required_field(object, where, "match"), child(where, "match"));
  return probe;
}

CertificateProbe certificate_probe(const json& object, const std::string& where) {
  only_fields(object, where,
              {"id", "kind", "certificate", "key", "anchors", "intermediates", "policy_oids", "subject",
               "show_identifiers"},
              "a device_certificate probe");
  CertificateProbe probe;
  probe.certificate = path_or_store_uri(required_field(object, where, "certificate"), child(where, "certificate"));
  probe.key = path_or_store_uri(required_field(object, where, "key"), child(where, "key"));
  const std::string anchors_where = child(where, "anchors");
  const json& anchors = list_value(required_field(object, where, "anchors"), anchors_where, 1, kMaxListItems);
  for (std::size_t i = 0; i < anchors.size(); ++i) probe.anchors.push_back(absolute_path(anchors[i], item(anchors_where, i)));
  if (const json* intermediates = optional_field(object, "intermediates")) {
    const std::string list_where = child(where, "intermediates");
    const json& list = list_value(*intermediates, list_where, 0, kMaxListItems);
    for (std::size_t i = 0; i < list.size(); ++i) probe.intermediates.push_back(absolute_path(list[i], item(list_where, i)));
  }
  if (const json* oids = optional_field(object, "policy_oids")) {
    const std::string list_where = child(where, "policy_oids");
    probe.policy_oids = text_list(*oids, list_where, 0);
    for (std::size_t i = 0; i < probe.policy_oids.size(); ++i) {
      if (!is_oid(probe.policy_oids[i])) {
        throw PolicyError(item(list_where, i), in_quotes(probe.policy_oids[i]) + " is not a dotted OID such as 1.3.6.1.4.1.99999.1.1");
      }
    }
  }
  if (const json* subject = optional_field(object, "subject")) {
    const std::string subject_where = child(where, "subject");
    object_at(*subject, subject_where);
    if (subject->empty()) throw PolicyError(subject_where, "must name at least one attribute");
    if (subject->size() > 16) throw PolicyError(subject_where, "must name at most 16 attributes");
    for (const auto& [attribute, pattern] : subject->items()) {
      // As certificates name them: OpenSSL's short name, or the dotted OID.
      if (!crypto::is_known_short_name(attribute) && !is_oid(attribute)) {
        throw PolicyError(child(subject_where, attribute),
                          "unknown subject attribute (use a short name such as CN, O, OU or C, or a dotted OID)");
      }
      probe.subject.emplace_back(attribute, regex_value(pattern, child(subject_where, attribute)));
    }
  }
  probe.show_identifiers = optional_flag(object, where, "show_identifiers", false);
  return probe;
}

Probe probe_at(const json& value, const std::string& where) {
  const json& object = object_at(value, where);
  Probe probe;
  probe.id = identifier(object, where, "id");
  const std::string kind = required_text(object, where, "kind");
  if (kind == "file") probe.spec = file_probe(object, where);
  else if (kind == "command") probe.spec = command_probe(object, where);
  else if (kind == "process") probe.spec = process_probe(object, where);
  else if (kind == "os") probe.spec = os_probe(object, where);
  else if (kind == "device_certificate") probe.spec = certificate_probe(object, where);
  else {
    throw PolicyError(child(where, "kind"),
                      "unknown probe kind " + in_quotes(kind) + " (expected file, command, process, os or device_certificate)");
  }
  return probe;
}

std::string device_class(const json& value, const std::string& where) {
  const std::string name = text_value(value, where);
  for (const char* known : kDeviceClasses) {
    if (name == known) return name;
  }
  throw PolicyError(where, "unknown device class " + in_quotes(name) +
                               " (expected non_se_gsib, se_gsib, gmd, internet_device or unknown)");
}

void check_probe_reference(const std::string& id, const std::set<std::string>& probe_ids, const std::string& where) {
  if (!probe_ids.contains(id)) throw PolicyError(where, "names no probe: " + in_quotes(id) + " is not in probes");
}

ClassRule class_rule(const json& value, const std::string& where, const std::set<std::string>& probe_ids) {
  const json& object = object_at(value, where);
  only_fields(object, where, {"class", "all", "any"}, "a class rule");
  ClassRule rule;
  rule.device_class = device_class(required_field(object, where, "class"), child(where, "class"));
  const json* all = optional_field(object, "all");
  const json* any = optional_field(object, "any");
  if ((all == nullptr) == (any == nullptr)) {
    throw PolicyError(where, R"(needs exactly one of "all" or "any")");
  }
  rule.mode = all != nullptr ? RuleMode::all : RuleMode::any;
  const std::string list_where = child(where, all != nullptr ? "all" : "any");
  rule.probes = text_list(all != nullptr ? *all : *any, list_where, 1);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < rule.probes.size(); ++i) {
    check_probe_reference(rule.probes[i], probe_ids, item(list_where, i));
    if (!seen.insert(rule.probes[i]).second) throw PolicyError(item(list_where, i), in_quotes(rule.probes[i]) + " is listed twice");
  }
  return rule;
}

ReadinessCheck readiness_check(const json& value, const std::string& where, const std::set<std::string>& probe_ids) {
  const json& object = object_at(value, where);
  only_fields(object, where, {"check", "title", "probe", "pass_when"}, "a readiness check");
  ReadinessCheck check;
  check.check = identifier(object, where, "check");
  check.title = required_text(object, where, "title", kMaxTitleLength);
  check.probe = required_text(object, where, "probe");
  check_probe_reference(check.probe, probe_ids, child(where, "probe"));
  if (const json* pass_when = optional_field(object, "pass_when")) {
    const std::string text = text_value(*pass_when, child(where, "pass_when"));
    if (text == "match") check.pass_when = PassWhen::match;
    else if (text == "no_match") check.pass_when = PassWhen::no_match;
    else throw PolicyError(child(where, "pass_when"), "must be \"match\" or \"no_match\", not " + in_quotes(text));
  }
  return check;
}

}  // namespace

Policy policy_from_json(const json& document) {
  const std::string top;
  if (!document.is_object()) throw PolicyError("", "a policy must be a JSON object");
  only_fields(document, top,
              {"version", "require_caller", "allowed_callers", "probes", "classes", "default", "readiness"},
              "a policy");
  Policy policy;
  const json& version = required_field(document, top, "version");
  if (!version.is_number_integer() || version != 1) {
    throw PolicyError("version", "unsupported version " + version.dump() + " (this host reads version 1)");
  }
  policy.require_caller = optional_flag(document, top, "require_caller", false);
  if (const json* callers = optional_field(document, "allowed_callers")) {
    policy.allowed_callers = text_list(*callers, "allowed_callers", 0, kMaxAllowedCallers);
    for (std::size_t i = 0; i < policy.allowed_callers.size(); ++i) {
      if (!is_allowed_caller(policy.allowed_callers[i])) {
        throw PolicyError(item("allowed_callers", i),
                          in_quotes(policy.allowed_callers[i]) +
                              " is neither a Chromium extension origin (chrome-extension://<32 letters a-p>/) nor a "
                              "Firefox add-on ID");
      }
    }
  }

  std::set<std::string> probe_ids;
  if (const json* probes = optional_field(document, "probes")) {
    const json& list = list_value(*probes, "probes", 0, kMaxProbes);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = item("probes", i);
      Probe probe = probe_at(list[i], where);
      if (!probe_ids.insert(probe.id).second) {
        throw PolicyError(child(where, "id"), "duplicate probe id " + in_quotes(probe.id));
      }
      policy.probes.push_back(std::move(probe));
    }
  }
  if (const json* classes = optional_field(document, "classes")) {
    const json& list = list_value(*classes, "classes", 0, kMaxClassRules);
    for (std::size_t i = 0; i < list.size(); ++i) policy.classes.push_back(class_rule(list[i], item("classes", i), probe_ids));
  }
  if (const json* fallback = optional_field(document, "default")) policy.default_class = device_class(*fallback, "default");
  if (const json* readiness = optional_field(document, "readiness")) {
    const json& list = list_value(*readiness, "readiness", 0, kMaxReadinessChecks);
    std::set<std::string> check_ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = item("readiness", i);
      ReadinessCheck check = readiness_check(list[i], where, probe_ids);
      if (!check_ids.insert(check.check).second) {
        throw PolicyError(child(where, "check"), "duplicate check id " + in_quotes(check.check));
      }
      policy.readiness.push_back(std::move(check));
    }
  }
  return policy;
}

Policy parse_policy(std::string_view document) {
  if (document.size() > kMaxPolicyBytes) {
    throw PolicyError("", "the document is larger than " + std::to_string(kMaxPolicyBytes) + " bytes");
  }
  return policy_from_json(parse_strict_json(document));
}

}  // namespace seed::policy
