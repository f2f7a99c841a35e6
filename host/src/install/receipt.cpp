#include "install/receipt.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "install/install_error.hpp"

namespace seed::install {
namespace {

constexpr int kReceiptVersion = 1;

nlohmann::json browser_names(const std::vector<Browser>& browsers) {
  nlohmann::json names = nlohmann::json::array();
  for (const Browser browser : browsers) names.push_back(key(browser));
  return names;
}

const nlohmann::json& field(const nlohmann::json& object, const char* name, const std::string& where) {
  const auto found = object.find(name);
  if (found == object.end()) throw InstallError("install receipt: " + where + " has no '" + name + "'");
  return *found;
}

std::string string_field(const nlohmann::json& object, const char* name, const std::string& where) {
  const nlohmann::json& value = field(object, name, where);
  if (!value.is_string()) throw InstallError("install receipt: " + where + "." + name + " is not a string");
  return value.get<std::string>();
}

const nlohmann::json& array_field(const nlohmann::json& object, const char* name, const std::string& where) {
  const nlohmann::json& value = field(object, name, where);
  if (!value.is_array()) throw InstallError("install receipt: " + where + "." + name + " is not a list");
  return value;
}

std::vector<Browser> browsers_field(const nlohmann::json& object, const std::string& where) {
  std::vector<Browser> browsers;
  for (const nlohmann::json& name : array_field(object, "browsers", where)) {
    const auto browser = name.is_string() ? parse_browser(name.get<std::string>()) : std::nullopt;
    if (!browser) throw InstallError("install receipt: " + where + ".browsers names an unknown browser");
    browsers.push_back(*browser);
  }
  return browsers;
}

const char* view_name(RegistryView view) {
  switch (view) {
    case RegistryView::bits64: return "64";
    case RegistryView::bits32: return "32";
    case RegistryView::shared: return "shared";
  }
  return "shared";
}

}  // namespace

nlohmann::json receipt_to_json(const Receipt& receipt) {
  nlohmann::json files = nlohmann::json::array();
  for (const ReceiptFile& file : receipt.files)
    files.push_back({{"path", file.path}, {"browsers", browser_names(file.browsers)}});
  nlohmann::json keys = nlohmann::json::array();
  for (const ReceiptKey& key_entry : receipt.keys) {
    keys.push_back({{"hive", key_entry.entry.hive == Hive::current_user ? "HKCU" : "HKLM"},
                    {"key", key_entry.entry.key},
                    {"view", view_name(key_entry.entry.view)},
                    {"browsers", browser_names(key_entry.browsers)}});
  }
  return {{"version", kReceiptVersion},
          {"files", files},
          {"registry", keys},
          {"created_directories", receipt.created_directories}};
}

Receipt receipt_from_json(const nlohmann::json& document) {
  if (!document.is_object()) throw InstallError("install receipt: not a JSON object");
  const nlohmann::json& version = field(document, "version", "the receipt");
  if (version != kReceiptVersion) throw InstallError("install receipt: unsupported version " + version.dump());
  Receipt receipt;
  for (const nlohmann::json& file : array_field(document, "files", "the receipt")) {
    if (!file.is_object()) throw InstallError("install receipt: a files entry is not an object");
    receipt.files.push_back({string_field(file, "path", "files[]"), browsers_field(file, "files[]")});
  }
  for (const nlohmann::json& entry : array_field(document, "registry", "the receipt")) {
    if (!entry.is_object()) throw InstallError("install receipt: a registry entry is not an object");
    const std::string hive = string_field(entry, "hive", "registry[]");
    const std::string view = string_field(entry, "view", "registry[]");
    if (hive != "HKCU" && hive != "HKLM") throw InstallError("install receipt: unknown hive " + hive);
    RegistryEntry registry{hive == "HKCU" ? Hive::current_user : Hive::local_machine,
                           string_field(entry, "key", "registry[]"),
                           view == "64"   ? RegistryView::bits64
                           : view == "32" ? RegistryView::bits32
                                          : RegistryView::shared};
    receipt.keys.push_back({registry, browsers_field(entry, "registry[]")});
  }
  for (const nlohmann::json& directory : array_field(document, "created_directories", "the receipt")) {
    if (!directory.is_string()) throw InstallError("install receipt: a created directory is not a string");
    receipt.created_directories.push_back(directory.get<std::string>());
  }
  return receipt;
}

std::optional<Receipt> read_receipt(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InstallError("cannot read the install receipt " + path);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return receipt_from_json(nlohmann::json::parse(text.str()));
  } catch (const nlohmann::json::exception& parse_error) {
    throw InstallError("the install receipt " + path + " is not valid JSON: " + parse_error.what());
  } catch (const InstallError& bad) {
    throw InstallError(std::string(bad.what()) + " (" + path + ")");
  }
}

}  // namespace seed::install
