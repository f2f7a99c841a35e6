#include "install/receipt.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "install/install_error.hpp"

using namespace seed::install;
using nlohmann::json;

TEST_CASE("a receipt survives a round trip through JSON", "[install][receipt]") {
  Receipt receipt;
  receipt.files = {{"/home/ann/.mozilla/native-messaging-hosts/sg.techpass.seed_attest.json", {Browser::firefox}}};
  receipt.keys = {
      {{Hive::local_machine, R"(SOFTWARE\Mozilla\NativeMessagingHosts\sg.techpass.seed_attest)", RegistryView::bits32},
       {Browser::firefox}}};
  receipt.created_directories = {"/home/ann/.mozilla", "/home/ann/.mozilla/native-messaging-hosts"};
  const Receipt back = receipt_from_json(json::parse(receipt_to_json(receipt).dump()));
  REQUIRE(back.files.size() == 1);
  CHECK(back.files[0].path == receipt.files[0].path);
  CHECK(back.files[0].browsers == receipt.files[0].browsers);
  REQUIRE(back.keys.size() == 1);
  CHECK(back.keys[0].entry == receipt.keys[0].entry);
  CHECK(back.created_directories == receipt.created_directories);
}

TEST_CASE("a damaged receipt is refused with what is wrong", "[install][receipt]") {
  const auto message_for = [](const std::string& text) {
    try {
      receipt_from_json(json::parse(text));
    } catch (const InstallError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  CHECK(message_for("[]") == "install receipt: not a JSON object");
  CHECK(message_for(R"({"version":2,"files":[],"registry":[],"created_directories":[]})").find("version 2") !=
        std::string::npos);
  CHECK(message_for(R"({"version":1,"registry":[],"created_directories":[]})").find("'files'") != std::string::npos);
  CHECK(message_for(
            R"({"version":1,"files":[{"path":"/x","browsers":["opera"]}],"registry":[],"created_directories":[]})")
            .find("unknown browser") != std::string::npos);
  CHECK(
      message_for(
          R"({"version":1,"files":[],"registry":[{"hive":"HKCR","key":"x","view":"64","browsers":[]}],"created_directories":[]})")
          .find("unknown hive") != std::string::npos);
}
