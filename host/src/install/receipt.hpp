#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "install/browser.hpp"
#include "install/locations.hpp"

// The record install keeps of what it wrote (files, registry keys, folders it had to create), so
// uninstall removes exactly that and nothing a browser or a person put there.
namespace seed::install {

struct ReceiptFile {
  std::string path;
  std::vector<Browser> browsers;
};

struct ReceiptKey {
  RegistryEntry entry;
  std::vector<Browser> browsers;
};

struct Receipt {
  std::vector<ReceiptFile> files;
  std::vector<ReceiptKey> keys;
  std::vector<std::string> created_directories;  // parents before children

  [[nodiscard]] bool holds_nothing() const { return files.empty() && keys.empty(); }
};

nlohmann::json receipt_to_json(const Receipt& receipt);

// Throws InstallError naming what is wrong when `document` is not a receipt.
Receipt receipt_from_json(const nlohmann::json& document);

// The receipt at `path`; empty when there is none. Throws InstallError when it cannot be read.
std::optional<Receipt> read_receipt(const std::string& path);

}  // namespace seed::install
