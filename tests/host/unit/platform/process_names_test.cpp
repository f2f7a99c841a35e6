#include <catch2/catch.hpp>

#include "fake_root.hpp"
#include "platform/linux/linux_facts.hpp"
#include "platform/os_facts.hpp"

using seed::platform::on_linux::list_process_names;
using seed::test::FakeRoot;

TEST_CASE("process names come from the executable, else argv[0] and comm", "[platform][processes]") {
  FakeRoot root;
  root.link("proc/101/exe", "/opt/microsoft/mdatp/sbin/wdavdaemon (deleted)");
  root.file("proc/101/cmdline", std::string("wdavdaemon\0edr\0", 15));
  root.file("proc/202/cmdline", std::string("/opt/Tanium/TaniumClient/TaniumClient\0-d\0", 41));
  root.file("proc/202/comm", "TaniumClient\n");
  root.file("proc/303/cmdline", "");  // a kernel thread: no command line
  root.file("proc/303/comm", "kworker/0:1\n");
  root.file("proc/self/comm", "not-a-process-id\n");
  root.file("proc/cpuinfo", "");
  const auto names = list_process_names(root.path());
  CHECK(names == std::vector<std::string>{"TaniumClient", "wdavdaemon"});
}

TEST_CASE("the live process list holds this test program", "[platform][processes]") {
  const auto names = seed::platform::running_process_names();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::binary_search(names.begin(), names.end(), std::string("unit_platform")));
}
