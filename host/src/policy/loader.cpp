#include "policy/loader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "common/sha256.hpp"
#include "platform/policy_location.hpp"
#include "platform/trusted_file.hpp"
#include "policy/parser.hpp"

namespace seed::policy {
namespace {

namespace fs = std::filesystem;

class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A policy the user named: any owner, but a regular file of bounded size (a FIFO would block).
std::string read_user_file(const std::string& path) {
  std::error_code error;
  const auto status = fs::status(path, error);
  if (error) throw ReadError(error.message());
  if (!fs::is_regular_file(status)) throw ReadError("not a regular file");
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rbe"), &std::fclose);
  if (!file) throw ReadError(std::strerror(errno));
  std::string bytes;
  char buffer[16384];
  while (const std::size_t got = std::fread(buffer, 1, sizeof buffer, file.get())) {
    bytes.append(buffer, got);
    if (bytes.size() > kMaxPolicyBytes) throw ReadError("larger than " + std::to_string(kMaxPolicyBytes) + " bytes");
  }
  if (std::ferror(file.get()) != 0) throw ReadError("read failed");
  return bytes;
}

LoadedPolicy from_bytes(PolicyOrigin origin, std::string_view bytes) {
  LoadedPolicy loaded{std::move(origin), std::nullopt, {}};
  loaded.origin.sha256 = sha256_hex(bytes);
  try {
    loaded.policy = parse_policy(bytes);
  } catch (const PolicyError& invalid) {
    loaded.error = std::string("the policy is invalid: ") + invalid.what();
  }
  return loaded;
}

LoadedPolicy refused(PolicyOrigin origin, std::string why) { return LoadedPolicy{std::move(origin), std::nullopt, std::move(why)}; }

LoadedPolicy from_user_file(PolicySource source, const std::string& path, const char* named_by) {
  PolicyOrigin origin{source, path, {}};
  try {
    return from_bytes(std::move(origin), read_user_file(path));
  } catch (const ReadError& failure) {
    return refused(std::move(origin), std::string("cannot read the policy named by ") + named_by + " (" + path +
                                          "): " + failure.what());
  }
}

LoadedPolicy from_system_file(const PolicyLocations& locations) {
  PolicyOrigin origin{PolicySource::system, locations.system_file.string(), {}};
  try {
    return from_bytes(std::move(origin),
                      platform::read_admin_file(locations.system_file, kMaxPolicyBytes, locations.system_owner));
  } catch (const platform::UntrustedFileError& untrusted) {
    return refused(std::move(origin), std::string("refused the system policy: ") + untrusted.what() +
                                          "; only the administrator may be able to change it");
  } catch (const platform::FileReadError& failure) {
    return refused(std::move(origin), std::string("cannot read the system policy: ") + failure.what());
  }
}

}  // namespace

const char* source_name(PolicySource source) {
  switch (source) {
    case PolicySource::option: return "option";
    case PolicySource::environment: return "environment";
    case PolicySource::system: return "system";
    case PolicySource::embedded: return "embedded";
  }
  return "embedded";
}

PolicyLocations default_locations(std::optional<std::string> option) {
  PolicyLocations locations;
  locations.option = std::move(option);
  if (const char* value = std::getenv(kPolicyEnvironmentVariable); value != nullptr && *value != '\0') {
    locations.environment = value;
  }
  locations.system_file = platform::system_policy_path();
  locations.embedded = platform::embedded_policy();
  return locations;
}

LoadedPolicy load_policy(const PolicyLocations& locations) {
  if (locations.option) return from_user_file(PolicySource::option, *locations.option, "--policy");
  if (locations.environment) {
    return from_user_file(PolicySource::environment, *locations.environment, kPolicyEnvironmentVariable);
  }
  // A dangling link or an unreadable file at the system path is reported, not skipped.
  std::error_code error;
  const auto status = fs::symlink_status(locations.system_file, error);
  if (status.type() != fs::file_type::not_found) return from_system_file(locations);
  return from_bytes(PolicyOrigin{PolicySource::embedded, {}, {}}, locations.embedded);
}

}  // namespace seed::policy
