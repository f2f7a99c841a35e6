#include <catch2/catch.hpp>

#include "fake_root.hpp"
#include "platform/linux/linux_facts.hpp"
#include "platform/os_facts.hpp"

using namespace seed::platform;
using namespace seed::platform::on_linux;

TEST_CASE("os-release gives NAME and VERSION_ID, unquoted", "[platform][os-release]") {
  const OsIdentity ubuntu = parse_os_release(
      "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nVERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\n");
  CHECK(ubuntu.name == "Ubuntu");
  CHECK(ubuntu.version == "22.04");

  const OsIdentity odd = parse_os_release(
      "# a comment\n\n  NAME='Single Quoted'  \nVERSION_ID=12\r\nNAME_EXTRA=x\nBROKEN LINE\n");
  CHECK(odd.name == "Single Quoted");
  CHECK(odd.version == "12");

  CHECK(parse_os_release(R"(NAME="Say \"hi\" \$HOME \\ \`x\`")").name == R"(Say "hi" $HOME \ `x`)");
}

TEST_CASE("os-release without NAME or VERSION_ID falls back as the format says", "[platform][os-release]") {
  const OsIdentity rolling = parse_os_release("NAME=\"Arch Linux\"\nBUILD_ID=rolling\n");
  CHECK(rolling.name == "Arch Linux");
  CHECK(rolling.version.empty());
  CHECK(parse_os_release("").name == "Linux");
}

TEST_CASE("os-release is read from /etc, else /usr/lib", "[platform][os-release]") {
  seed::test::FakeRoot root;
  CHECK(read_os_release(root.path()).name == "Linux");
  root.file("usr/lib/os-release", "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n");
  CHECK(read_os_release(root.path()).name == "Debian GNU/Linux");
  root.file("etc/os-release", "NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\n");
  CHECK(read_os_release(root.path()).version == "24.04");
}

TEST_CASE("this machine's OS facts are read without running anything", "[platform][os-release]") {
  CHECK_FALSE(os_identity().name.empty());
  CHECK_FALSE(kernel_release().empty());
  CHECK_FALSE(architecture().empty());
}
