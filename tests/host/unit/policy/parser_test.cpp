#include <catch2/catch.hpp>

#include "policy/parser.hpp"
#include "policy_documents.hpp"

using namespace seed::policy;
using seed::test::rejection;
using seed::test::valid_policy_json;

TEST_CASE("the contract's example policy parses into the model, field by field", "[policy][parser]") {
  const Policy policy = policy_from_json(valid_policy_json());
  CHECK(policy.version == 1);
  CHECK_FALSE(policy.require_caller);
  CHECK(policy.allowed_callers.size() == 2);
  REQUIRE(policy.probes.size() == 5);

  const auto& certificate = std::get<CertificateProbe>(policy.probes[0].spec);
  CHECK(policy.probes[0].id == "gsib-cert");
  CHECK(certificate.certificate == "/etc/gsib/device.pem");
  CHECK(certificate.key == "/etc/gsib/device.key");
  CHECK(certificate.anchors == std::vector<std::string>{"/etc/gsib/root-ca.pem"});
  CHECK(certificate.intermediates == std::vector<std::string>{"/etc/gsib/issuing-ca.pem"});
  CHECK(certificate.policy_oids == std::vector<std::string>{"1.3.6.1.4.1.99999.1.1"});
  REQUIRE(certificate.subject.size() == 1);
  CHECK(certificate.subject[0] == std::pair<std::string, std::string>{"OU", "^GSIB"});
  CHECK_FALSE(certificate.show_identifiers);

  const auto& command = std::get<CommandProbe>(policy.probes[1].spec);
  CHECK(command.argv.size() == 4);
  CHECK(command.argv[0] == "C:\\Windows\\System32\\manage-bde.exe");
  CHECK(command.timeout_ms == 2000);
  CHECK(command.match == "TPM And PIN");
  CHECK_FALSE(command.exit_code.has_value());

  const auto& file = std::get<FileProbe>(policy.probes[2].spec);
  CHECK(file.path == "/etc/gsib-release");
  CHECK(file.match == "^edition=non-se$");

  CHECK(std::get<ProcessProbe>(policy.probes[3].spec).name == "TaniumClient");
  const auto& os = std::get<OsProbe>(policy.probes[4].spec);
  CHECK(os.field == OsField::version);
  CHECK(os.match == "^(10|11)\\.");

  REQUIRE(policy.classes.size() == 2);
  CHECK(policy.classes[0].device_class == "non_se_gsib");
  CHECK(policy.classes[0].mode == RuleMode::any);
  CHECK(policy.classes[0].probes == std::vector<std::string>{"gsib-cert", "bitlocker-pin"});
  CHECK(policy.classes[1].mode == RuleMode::all);
  CHECK(policy.default_class == "internet_device");
  REQUIRE(policy.readiness.size() == 2);
  CHECK(policy.readiness[1].check == "no-tanium");
  CHECK(policy.readiness[1].title == "No Tanium client installed yet");
  CHECK(policy.readiness[1].probe == "tanium");
  CHECK(policy.readiness[1].pass_when == PassWhen::no_match);
}

TEST_CASE("a minimal policy takes the documented defaults", "[policy][parser]") {
  const Policy policy = parse_policy(R"({"version": 1})");
  CHECK(policy.probes.empty());
  CHECK(policy.classes.empty());
  CHECK(policy.readiness.empty());
  CHECK(policy.default_class == "internet_device");
  CHECK_FALSE(policy.require_caller);
}

TEST_CASE("optional probe fields take their defaults and their given values", "[policy][parser]") {
  auto document = valid_policy_json();
  document["probes"][1].erase("timeout_ms");
  document["probes"][1]["exit_code"] = 0;
  document["probes"][0]["show_identifiers"] = true;
  document["probes"][0]["key"] = "pkcs11:token=GSIB;object=device";
  document["readiness"][0].erase("pass_when");
  const Policy policy = policy_from_json(document);
  CHECK(std::get<CommandProbe>(policy.probes[1].spec).timeout_ms == 2000);
  CHECK(std::get<CommandProbe>(policy.probes[1].spec).exit_code == 0);
  CHECK(std::get<CertificateProbe>(policy.probes[0].spec).show_identifiers);
  CHECK(std::get<CertificateProbe>(policy.probes[0].spec).key == "pkcs11:token=GSIB;object=device");
  CHECK(policy.readiness[0].pass_when == PassWhen::match);
}

TEST_CASE("every os field of the schema, and disk_encryption, is accepted", "[policy][parser]") {
  for (const char* field : {"name", "version", "kernel", "arch", "virtualization", "disk_encryption"}) {
    auto document = valid_policy_json();
    document["probes"][4]["field"] = field;
    CHECK(rejection(document) == "accepted");
  }
}

TEST_CASE("every device class is accepted in rules and as the default", "[policy][parser]") {
  for (const char* device_class : {"non_se_gsib", "se_gsib", "gmd", "internet_device", "unknown"}) {
    auto document = valid_policy_json();
    document["classes"][1]["class"] = device_class;
    document["default"] = device_class;
    CHECK(rejection(document) == "accepted");
  }
}

TEST_CASE("allowed callers accept Chromium origins and Firefox add-on IDs", "[policy][parser]") {
  auto document = valid_policy_json();
  document["allowed_callers"] = {"chrome-extension://abcdefghijklmnopabcdefghijklmnop",
                                 "{12345678-1234-1234-1234-123456789abc}", "helper@example.org"};
  CHECK(policy_from_json(document).allowed_callers.size() == 3);
}

TEST_CASE("kind and field names are spelled as the schema spells them", "[policy][parser]") {
  const Policy policy = policy_from_json(valid_policy_json());
  CHECK(std::string(kind_name(policy.probes[0].spec)) == "device_certificate");
  CHECK(std::string(kind_name(policy.probes[1].spec)) == "command");
  CHECK(std::string(kind_name(policy.probes[2].spec)) == "file");
  CHECK(std::string(kind_name(policy.probes[3].spec)) == "process");
  CHECK(std::string(kind_name(policy.probes[4].spec)) == "os");
  CHECK(std::string(field_name(OsField::disk_encryption)) == "disk_encryption");
}
