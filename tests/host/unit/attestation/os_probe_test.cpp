#include <catch2/catch.hpp>

#include "attestation/probes/os_probe.hpp"
#include "fake_facts.hpp"

using namespace seed::attestation;
using seed::policy::OsField;
using seed::policy::OsProbe;

TEST_CASE("an os probe matches each field's value and names it in the detail", "[probe][os]") {
  seed::test::FakeFacts facts;
  facts.os = {{OsField::name, "Ubuntu"},           {OsField::version, "22.04"},
              {OsField::kernel, "6.1.0-18-amd64"}, {OsField::arch, "x86_64"},
              {OsField::virtualization, "none"},   {OsField::disk_encryption, "luks"}};
  CHECK(run_os_probe(OsProbe{OsField::name, "^Ubuntu$"}, facts).outcome == Outcome::match);
  CHECK(run_os_probe(OsProbe{OsField::name, "^Ubuntu$"}, facts).detail == "name is \"Ubuntu\"");
  CHECK(run_os_probe(OsProbe{OsField::version, "^(22\\.04|24\\.04)$"}, facts).outcome == Outcome::match);
  CHECK(run_os_probe(OsProbe{OsField::kernel, "-amd64$"}, facts).outcome == Outcome::match);
  CHECK(run_os_probe(OsProbe{OsField::arch, "^aarch64$"}, facts).outcome == Outcome::no_match);
  CHECK(run_os_probe(OsProbe{OsField::virtualization, "^none$"}, facts).outcome == Outcome::match);
  const ProbeResult encrypted = run_os_probe(OsProbe{OsField::disk_encryption, "^(luks|dm-crypt)$"}, facts);
  CHECK(encrypted.outcome == Outcome::match);
  CHECK(encrypted.detail == "disk_encryption is \"luks\"");

  facts.os[OsField::virtualization] = "kvm";
  const ProbeResult virtual_machine = run_os_probe(OsProbe{OsField::virtualization, "^none$"}, facts);
  CHECK(virtual_machine.outcome == Outcome::no_match);
  CHECK(virtual_machine.detail == "virtualization is \"kvm\"");
}

TEST_CASE("an os probe reads the live facts of this machine", "[probe][os]") {
  const auto facts = make_live_facts();
  for (const OsField field : {OsField::name, OsField::kernel, OsField::arch, OsField::virtualization,
                              OsField::disk_encryption}) {
    INFO(seed::policy::field_name(field));
    CHECK_FALSE(facts->os_field(field).empty());
  }
  CHECK(run_os_probe(OsProbe{OsField::arch, "^(x86_64|aarch64|arm.*|i[3-6]86|riscv64|ppc64le|s390x)$"}, *facts).outcome ==
        Outcome::match);
  CHECK(run_os_probe(OsProbe{OsField::disk_encryption, "^(luks|dm-crypt|none|unknown)$"}, *facts).outcome ==
        Outcome::match);
}
