#include <windows.h>

#include <string>

#include "install/install_error.hpp"
#include "install/registry.hpp"

namespace seed::install {
namespace {

std::wstring widen(const std::string& text) {
  if (text.empty()) return {};
  const int length = MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
  std::wstring wide(static_cast<std::size_t>(length), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), wide.data(), length);
  return wide;
}

std::string narrow(const std::wstring& text) {
  if (text.empty()) return {};
  const int length =
      WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(length), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), length, nullptr, nullptr);
  return out;
}

HKEY root(const RegistryEntry& entry) {
  return entry.hive == Hive::current_user ? HKEY_CURRENT_USER : HKEY_LOCAL_MACHINE;
}

REGSAM view_flag(const RegistryEntry& entry) {
  switch (entry.view) {
    case RegistryView::bits64: return KEY_WOW64_64KEY;
    case RegistryView::bits32: return KEY_WOW64_32KEY;
    case RegistryView::shared: return 0;
  }
  return 0;
}

[[noreturn]] void fail(const RegistryEntry& entry, const char* what, LSTATUS status) {
  const char* hint = status == ERROR_ACCESS_DENIED ? " (access denied: run as administrator for --system)" : "";
  throw InstallError(std::string("cannot ") + what + " " + entry.display() + ": error " + std::to_string(status) +
                     hint);
}

}  // namespace

bool registry_available() { return true; }

void set_registry_default(const RegistryEntry& entry, const std::string& value) {
  HKEY key = nullptr;
  const std::wstring path = widen(entry.key);
  LSTATUS status = RegCreateKeyExW(root(entry), path.c_str(), 0, nullptr, REG_OPTION_NON_VOLATILE,
                                   KEY_SET_VALUE | view_flag(entry), nullptr, &key, nullptr);
  if (status != ERROR_SUCCESS) fail(entry, "create", status);
  const std::wstring data = widen(value);
  status = RegSetValueExW(key, nullptr, 0, REG_SZ, reinterpret_cast<const BYTE*>(data.c_str()),
                          static_cast<DWORD>((data.size() + 1) * sizeof(wchar_t)));
  RegCloseKey(key);
  if (status != ERROR_SUCCESS) fail(entry, "set the default value of", status);
}

std::optional<std::string> read_registry_default(const RegistryEntry& entry) {
  const std::wstring path = widen(entry.key);
  const DWORD flags = RRF_RT_REG_SZ | (entry.view == RegistryView::bits32   ? RRF_SUBKEY_WOW6432KEY
                                       : entry.view == RegistryView::bits64 ? RRF_SUBKEY_WOW6464KEY
                                                                            : 0);
  DWORD bytes = 0;
  if (RegGetValueW(root(entry), path.c_str(), nullptr, flags, nullptr, nullptr, &bytes) != ERROR_SUCCESS) {
    return std::nullopt;
  }
  std::wstring data(bytes / sizeof(wchar_t), L'\0');
  if (RegGetValueW(root(entry), path.c_str(), nullptr, flags, nullptr, data.data(), &bytes) != ERROR_SUCCESS) {
    return std::nullopt;
  }
  data.resize(wcsnlen(data.c_str(), data.size()));
  return narrow(data);
}

bool delete_registry_key(const RegistryEntry& entry) {
  const std::wstring path = widen(entry.key);
  const LSTATUS status = RegDeleteKeyExW(root(entry), path.c_str(), view_flag(entry), 0);
  if (status == ERROR_FILE_NOT_FOUND) return false;
  if (status != ERROR_SUCCESS) fail(entry, "delete", status);
  return true;
}

}  // namespace seed::install
