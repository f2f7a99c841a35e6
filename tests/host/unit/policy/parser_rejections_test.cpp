#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "policy_documents.hpp"

using seed::test::rejection;
using seed::test::valid_policy_json;
using json = nlohmann::json;

namespace {

// The rejection after one change to the valid policy.
std::string rejection_after(const std::function<void(json&)>& change) {
  json document = valid_policy_json();
  change(document);
  return rejection(document);
}

}  // namespace

TEST_CASE("the policy rejects a wrong or missing version", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d.erase("version"); }) == "version: is required");
  CHECK(rejection_after([](json& d) { d["version"] = 2; }) == "version: unsupported version 2 (this host reads version 1)");
  CHECK(rejection_after([](json& d) { d["version"] = "1"; }).starts_with("version: unsupported version \"1\""));
  CHECK(rejection(json::array()) == "a policy must be a JSON object");
}

TEST_CASE("the policy rejects unknown fields at every level, naming them", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["defaults"] = "gmd"; }).starts_with("defaults: unknown field (a policy has version"));
  CHECK(rejection_after([](json& d) { d["probes"][2]["pathh"] = "/x"; })
            .starts_with("probes[2].pathh: unknown field (a file probe has id, kind, path, match)"));
  CHECK(rejection_after([](json& d) { d["probes"][1]["shell"] = true; }).starts_with("probes[1].shell: unknown field"));
  CHECK(rejection_after([](json& d) { d["probes"][3]["show_identifiers"] = true; })
            .starts_with("probes[3].show_identifiers: unknown field (a process probe has id, kind, name)"));
  CHECK(rejection_after([](json& d) { d["classes"][0]["priority"] = 1; }).starts_with("classes[0].priority: unknown field"));
  CHECK(rejection_after([](json& d) { d["readiness"][1]["severity"] = "high"; })
            .starts_with("readiness[1].severity: unknown field"));
}

TEST_CASE("the policy rejects unknown probe kinds and bad probe ids", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["probes"][3]["kind"] = "registry"; }) ==
        "probes[3].kind: unknown probe kind \"registry\" (expected file, command, process, os or device_certificate)");
  CHECK(rejection_after([](json& d) { d["probes"][3].erase("kind"); }) == "probes[3].kind: is required");
  CHECK(rejection_after([](json& d) { d["probes"][0].erase("id"); }) == "probes[0].id: is required");
  CHECK(rejection_after([](json& d) { d["probes"][0]["id"] = "has space"; }).starts_with("probes[0].id: must be 1 to 64"));
  CHECK(rejection_after([](json& d) { d["probes"][0]["id"] = std::string(65, 'a'); }).starts_with("probes[0].id:"));
  CHECK(rejection_after([](json& d) { d["probes"][2] = "gsib-release"; }) == "probes[2]: must be an object");
  CHECK(rejection_after([](json& d) { d["probes"] = json::object(); }) == "probes: must be a list");
}

TEST_CASE("the policy rejects duplicate probe ids and duplicate readiness checks", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["probes"][4]["id"] = "tanium"; }) == "probes[4].id: duplicate probe id \"tanium\"");
  CHECK(rejection_after([](json& d) { d["readiness"][1]["check"] = "os"; }) ==
        "readiness[1].check: duplicate check id \"os\"");
}

TEST_CASE("the policy rejects rules and checks that name unknown probes", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["classes"][0]["any"][1] = "bitlocker"; }) ==
        "classes[0].any[1]: names no probe: \"bitlocker\" is not in probes");
  CHECK(rejection_after([](json& d) { d["classes"][1]["all"] = {"tanium", "tanium"}; }) ==
        "classes[1].all[1]: \"tanium\" is listed twice");
  CHECK(rejection_after([](json& d) { d["readiness"][0]["probe"] = "os"; }) ==
        "readiness[0].probe: names no probe: \"os\" is not in probes");
}

TEST_CASE("the policy rejects unknown device classes", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["classes"][1]["class"] = "managed"; }) ==
        "classes[1].class: unknown device class \"managed\" (expected non_se_gsib, se_gsib, gmd, internet_device or "
        "unknown)");
  CHECK(rejection_after([](json& d) { d["default"] = "laptop"; }).starts_with("default: unknown device class \"laptop\""));
}

TEST_CASE("the policy rejects rules without exactly one of all and any", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["classes"][1]["any"] = {"tanium"}; }) ==
        "classes[1]: needs exactly one of \"all\" or \"any\"");
  CHECK(rejection_after([](json& d) { d["classes"][1].erase("all"); }) == "classes[1]: needs exactly one of \"all\" or \"any\"");
  CHECK(rejection_after([](json& d) { d["classes"][1]["all"] = json::array(); }) ==
        "classes[1].all: must have at least 1 item(s)");
}

TEST_CASE("the policy rejects readiness checks without a title or with a bad pass_when", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["readiness"][0].erase("title"); }) == "readiness[0].title: is required");
  CHECK(rejection_after([](json& d) { d["readiness"][0]["pass_when"] = "error"; }) ==
        "readiness[0].pass_when: must be \"match\" or \"no_match\", not \"error\"");
}

TEST_CASE("the policy rejects invalid regular expressions wherever they appear", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["probes"][2]["match"] = "(unclosed"; })
            .starts_with("probes[2].match: invalid regular expression"));
  CHECK(rejection_after([](json& d) { d["probes"][4]["match"] = "[z-a]"; })
            .starts_with("probes[4].match: invalid regular expression"));
  CHECK(rejection_after([](json& d) { d["probes"][0]["subject"]["OU"] = "*GSIB"; })
            .starts_with("probes[0].subject.OU: invalid regular expression"));
  CHECK(rejection_after([](json& d) { d["probes"][4].erase("match"); }) == "probes[4].match: is required");
  CHECK(rejection_after([](json& d) { d["probes"][1]["match"] = 5; })
            .starts_with("probes[1].match: must be a string holding a regular expression"));
}

TEST_CASE("the policy rejects bad command probes", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["probes"][1]["argv"] = {"manage-bde.exe"}; }) ==
        "probes[1].argv[0]: must be an absolute path, not \"manage-bde.exe\"");
  CHECK(rejection_after([](json& d) { d["probes"][1]["argv"] = json::array(); }) ==
        "probes[1].argv: must have at least 1 item(s)");
  CHECK(rejection_after([](json& d) { d["probes"][1]["argv"] = "/bin/sh -c id"; }) == "probes[1].argv: must be a list");
  CHECK(rejection_after([](json& d) { d["probes"][1]["argv"][2] = 3; }) == "probes[1].argv[2]: must be a string");
  for (const json& timeout : {json(0), json(5001), json(-1), json("2000"), json(2000.5)}) {
    CHECK(rejection_after([&](json& d) { d["probes"][1]["timeout_ms"] = timeout; }) ==
          "probes[1].timeout_ms: must be an integer from 1 to 5000");
  }
  CHECK(rejection_after([](json& d) { d["probes"][1]["exit_code"] = 256; }) ==
        "probes[1].exit_code: must be an integer from 0 to 255");
}

TEST_CASE("the policy rejects bad file, process and os probes", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["probes"][2]["path"] = "etc/gsib-release"; }) ==
        "probes[2].path: must be an absolute path, not \"etc/gsib-release\"");
  CHECK(rejection_after([](json& d) { d["probes"][2].erase("path"); }) == "probes[2].path: is required");
  CHECK(rejection_after([](json& d) { d["probes"][3]["name"] = "/opt/Tanium/TaniumClient"; }) ==
        "probes[3].name: must be an executable's file name, not a path");
  CHECK(rejection_after([](json& d) { d["probes"][3]["name"] = ""; }) == "probes[3].name: must not be empty");
  CHECK(rejection_after([](json& d) { d["probes"][4]["field"] = "edition"; })
            .starts_with("probes[4].field: unknown field \"edition\""));
}

TEST_CASE("the policy rejects bad device_certificate probes", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["probes"][0].erase("anchors"); }) == "probes[0].anchors: is required");
  CHECK(rejection_after([](json& d) { d["probes"][0]["anchors"] = json::array(); }) ==
        "probes[0].anchors: must have at least 1 item(s)");
  CHECK(rejection_after([](json& d) { d["probes"][0]["anchors"][0] = "root-ca.pem"; }) ==
        "probes[0].anchors[0]: must be an absolute path, not \"root-ca.pem\"");
  CHECK(rejection_after([](json& d) { d["probes"][0]["certificate"] = "device.pem"; })
            .starts_with("probes[0].certificate: must be an absolute path or an OpenSSL store URI"));
  CHECK(rejection_after([](json& d) { d["probes"][0]["policy_oids"][0] = "1.3.6.1.4.1.99999..1"; })
            .starts_with("probes[0].policy_oids[0]: \"1.3.6.1.4.1.99999..1\" is not a dotted OID"));
  CHECK(rejection_after([](json& d) { d["probes"][0]["subject"] = {{"Department", "x"}}; }) ==
        "probes[0].subject.Department: unknown subject attribute (use a short name such as CN, O, OU or C, or a "
        "dotted OID)");
  // Long names are not how certificates are matched, so they are refused rather than never matching.
  CHECK(rejection_after([](json& d) { d["probes"][0]["subject"] = {{"organizationalUnitName", "x"}}; })
            .starts_with("probes[0].subject.organizationalUnitName: unknown subject attribute"));
  CHECK(rejection_after([](json& d) { d["probes"][0]["subject"] = {{"2.5.4.11", "^GSIB"}, {"CN", "x"}}; }) == "accepted");
  CHECK(rejection_after([](json& d) { d["probes"][0]["subject"] = json::object(); }) ==
        "probes[0].subject: must name at least one attribute");
  CHECK(rejection_after([](json& d) { d["probes"][0]["show_identifiers"] = "yes"; }) ==
        "probes[0].show_identifiers: must be true or false");
}

TEST_CASE("the policy rejects bad caller settings", "[policy][rejection]") {
  CHECK(rejection_after([](json& d) { d["require_caller"] = "true"; }) == "require_caller: must be true or false");
  CHECK(rejection_after([](json& d) { d["allowed_callers"][0] = "chrome-extension://short/"; })
            .starts_with("allowed_callers[0]: \"chrome-extension://short/\" is neither a Chromium extension origin"));
  CHECK(rejection_after([](json& d) { d["allowed_callers"][1] = "https://evil.example/"; })
            .starts_with("allowed_callers[1]:"));
}

TEST_CASE("the policy rejects documents over the size limit and lists over theirs", "[policy][rejection]") {
  std::string huge = R"({"version": 1, "allowed_callers": [], "probes": [)";
  huge += std::string(seed::policy::kMaxPolicyBytes, ' ') + "]}";
  CHECK_THROWS_WITH(seed::policy::parse_policy(huge), Catch::Matchers::Contains("larger than 1048576 bytes"));

  json document = valid_policy_json();
  for (int i = 0; i < 70; ++i) {
    document["probes"].push_back({{"id", "p" + std::to_string(i)}, {"kind", "process"}, {"name", "x"}});
  }
  CHECK(rejection(document) == "probes: must have at most 64 items");
}
