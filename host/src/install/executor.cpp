#include "install/executor.hpp"

#include <algorithm>
#include <filesystem>

#include "install/file_system.hpp"
#include "install/install_error.hpp"
#include "install/receipt.hpp"
#include "install/registry.hpp"

namespace seed::install {
namespace {

std::string parent_of(const std::string& path) { return std::filesystem::path(path).parent_path().string(); }

bool contains(const std::vector<Browser>& browsers, Browser browser) {
  return std::find(browsers.begin(), browsers.end(), browser) != browsers.end();
}

void add_browsers(std::vector<Browser>& into, const std::vector<Browser>& more) {
  for (const Browser browser : more) {
    if (!contains(into, browser)) into.push_back(browser);
  }
}

std::vector<Browser> without(const std::vector<Browser>& browsers, const std::vector<Browser>& removed) {
  std::vector<Browser> rest;
  for (const Browser browser : browsers) {
    if (!contains(removed, browser)) rest.push_back(browser);
  }
  return rest;
}

void check_platform(Platform platform) {
  if (platform != host_platform()) {
    throw InstallError("this program runs on " + std::string(key(host_platform())) + ": a plan for " +
                       std::string(key(platform)) + " can only be shown with --dry-run");
  }
}

void record_file(Receipt& receipt, const std::string& path, const std::vector<Browser>& browsers) {
  for (ReceiptFile& file : receipt.files) {
    if (file.path == path) return add_browsers(file.browsers, browsers);
  }
  receipt.files.push_back({path, browsers});
}

void record_key(Receipt& receipt, const RegistryEntry& entry, const std::vector<Browser>& browsers) {
  for (ReceiptKey& key_entry : receipt.keys) {
    if (key_entry.entry == entry) return add_browsers(key_entry.browsers, browsers);
  }
  receipt.keys.push_back({entry, browsers});
}

void save_receipt(const std::string& path, Receipt& receipt, std::vector<std::string>& created) {
  create_directories(parent_of(path), created);
  for (const std::string& directory : created) {
    if (std::find(receipt.created_directories.begin(), receipt.created_directories.end(), directory) ==
        receipt.created_directories.end()) {
      receipt.created_directories.push_back(directory);
    }
  }
  write_file(path, receipt_to_json(receipt).dump(2) + "\n");
}

Step apply(const Action& action, Receipt& receipt, std::vector<std::string>& created) {
  const std::string note = "for " + display_names(action.browsers);
  if (const auto* file = std::get_if<WriteFile>(&action.change)) {
    create_directories(parent_of(file->path), created);
    const WriteResult result = write_file(file->path, file->contents);
    record_file(receipt, file->path, action.browsers);
    return {result == WriteResult::written ? StepResult::written : StepResult::unchanged, file->path, note};
  }
  const auto& value = std::get<SetRegistryValue>(action.change);
  const bool unchanged = read_registry_default(value.entry) == value.value;
  if (!unchanged) set_registry_default(value.entry, value.value);
  record_key(receipt, value.entry, action.browsers);
  return {unchanged ? StepResult::unchanged : StepResult::written, value.entry.display(), note};
}

// Removes a manifest file of ours; a file that is something else now is left alone.
Step remove_manifest(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return {StepResult::removed, path, "already gone"};
  if (!is_our_manifest(path)) return {StepResult::kept, path, "no longer a seed-attest manifest: left in place"};
  remove_file(path);
  return {StepResult::removed, path, ""};
}

Step remove_key(const RegistryEntry& entry) {
  return {StepResult::removed, entry.display(), delete_registry_key(entry) ? "" : "already gone"};
}

// Without a receipt (it was lost, or a package put the manifests there), our manifests go from the
// places only the browsers being uninstalled read.
void remove_unrecorded(const UninstallRequest& request, const std::vector<Browser>& leaving, Outcome& outcome) {
  // Every place any browser reads in this scope, with all of its readers.
  const Plan everywhere =
      plan_install({request.platform, request.scope, {}, request.env, packaged_program(request.platform), {}});
  for (const Action& action : everywhere.actions) {
    const auto staying = without(action.browsers, leaving);
    if (const auto* file = std::get_if<WriteFile>(&action.change)) {
      std::error_code error;
      if (!std::filesystem::exists(file->path, error) || !is_our_manifest(file->path)) continue;
      if (staying.size() == action.browsers.size()) continue;
      if (!staying.empty()) {
        outcome.steps.push_back({StepResult::kept, file->path, "also read by " + display_names(staying)});
      } else {
        outcome.steps.push_back(remove_manifest(file->path));
      }
    } else if (const auto& value = std::get<SetRegistryValue>(action.change);
               staying.empty() && read_registry_default(value.entry).has_value()) {
      outcome.steps.push_back(remove_key(value.entry));
    }
  }
}

}  // namespace

Outcome carry_out_install(const Plan& plan) {
  check_platform(plan.platform);
  Receipt receipt = read_receipt(plan.receipt_path).value_or(Receipt{});
  Outcome outcome;
  std::vector<std::string> created;
  try {
    for (const Action& action : plan.actions) outcome.steps.push_back(apply(action, receipt, created));
  } catch (const InstallError&) {
    // Keep a record of what was written before the failure, so uninstall can still remove it.
    try {
      save_receipt(plan.receipt_path, receipt, created);
    } catch (const InstallError&) {
    }
    throw;
  }
  save_receipt(plan.receipt_path, receipt, created);
  return outcome;
}

Outcome carry_out_uninstall(const UninstallRequest& request) {
  check_platform(request.platform);
  const std::vector<Browser> leaving =
      request.browsers.empty() ? std::vector<Browser>(kAllBrowsers.begin(), kAllBrowsers.end()) : request.browsers;
  const std::string receipt_file = receipt_path(request.platform, request.scope, request.env);
  const std::optional<Receipt> recorded_install = read_receipt(receipt_file);
  Receipt receipt = recorded_install.value_or(Receipt{});
  Outcome outcome;
  std::vector<ReceiptFile> files_left;
  for (ReceiptFile& file : receipt.files) {
    if (auto staying = without(file.browsers, leaving); !staying.empty()) {
      outcome.steps.push_back({StepResult::kept, file.path, "still registered for " + display_names(staying)});
      files_left.push_back({file.path, staying});
    } else {
      outcome.steps.push_back(remove_manifest(file.path));
    }
  }
  std::vector<ReceiptKey> keys_left;
  for (ReceiptKey& key_entry : receipt.keys) {
    if (auto staying = without(key_entry.browsers, leaving); !staying.empty()) {
      outcome.steps.push_back(
          {StepResult::kept, key_entry.entry.display(), "still registered for " + display_names(staying)});
      keys_left.push_back({key_entry.entry, staying});
    } else {
      outcome.steps.push_back(remove_key(key_entry.entry));
    }
  }

  if (!recorded_install) remove_unrecorded(request, leaving, outcome);

  receipt.files = files_left;
  receipt.keys = keys_left;
  if (receipt.holds_nothing()) remove_file(receipt_file);
  std::vector<std::string> directories_left;
  for (auto directory = receipt.created_directories.rbegin(); directory != receipt.created_directories.rend();
       ++directory) {
    std::error_code error;
    const bool existed = std::filesystem::exists(*directory, error);
    if (remove_directory_if_empty(*directory)) {
      if (existed) outcome.steps.push_back({StepResult::removed, *directory, "folder created by install"});
    } else {
      directories_left.insert(directories_left.begin(), *directory);
    }
  }
  if (!receipt.holds_nothing()) {
    receipt.created_directories = directories_left;
    std::vector<std::string> none;
    save_receipt(receipt_file, receipt, none);
  }
  return outcome;
}

}  // namespace seed::install
