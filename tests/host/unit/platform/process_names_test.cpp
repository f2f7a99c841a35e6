#include <catch2/catch.hpp>

#include "fake_root.hpp"
#include "platform/linux/linux_facts.hpp"
#include "platform/os_facts.hpp"

using seed::platform::on_linux::list_processes_named;
using seed::test::FakeRoot;

namespace {

// A /proc with: our own process (its executable readable, renamed on disk since it started),
// a root daemon seen by argv[0] and comm only, a daemon whose comm the kernel cut at 15
// characters, a kernel thread and a process that renamed itself.
void fill(FakeRoot& root) {
  root.link("proc/101/exe", "/opt/microsoft/mdatp/sbin/wdavdaemon (deleted)");
  root.file("proc/101/cmdline", std::string("wdavdaemon\0edr\0", 15));
  root.file("proc/101/comm", "wdavdaemon\n");
  root.file("proc/202/cmdline", std::string("/opt/Tanium/TaniumClient/TaniumClient\0-d\0", 41));
  root.file("proc/202/comm", "TaniumClient\n");
  root.file("proc/250/cmdline", std::string("/usr/sbin/falcon-sensor-bpf\0", 28));
  root.file("proc/250/comm", "falcon-sensor-b\n");
  root.file("proc/303/cmdline", "");  // a kernel thread: no command line
  root.file("proc/303/comm", "warp-svc\n");
  root.file("proc/404/cmdline", std::string("/usr/bin/warp-svc\0", 18));
  root.file("proc/404/comm", "worker\n");
  root.file("proc/self/comm", "not-a-process-id\n");
  root.file("proc/cpuinfo", "");
}

}  // namespace

TEST_CASE("process names come from the executable, else argv[0] and comm", "[platform][processes]") {
  FakeRoot root;
  fill(root);
  const auto running = list_processes_named(root.path(), {"TaniumClient", "edr", "falcon-sensor-bpf", "wdavdaemon"});
  REQUIRE(running);
  CHECK(*running == std::vector<std::string>{"TaniumClient", "falcon-sensor-bpf", "wdavdaemon"});
}

TEST_CASE("only the names asked for are reported, each once", "[platform][processes]") {
  FakeRoot root;
  fill(root);
  root.file("proc/505/cmdline", std::string("TaniumClient\0", 13));
  root.file("proc/505/comm", "TaniumClient\n");
  CHECK(*list_processes_named(root.path(), {"TaniumClient"}) == std::vector<std::string>{"TaniumClient"});
  CHECK(list_processes_named(root.path(), {})->empty());
  // A comm that only starts like a wanted name; a longer name whose first 15 characters are a
  // process's comm, but not its argv[0].
  CHECK(list_processes_named(root.path(), {"Tanium", "falcon-sensor-bpf2"})->empty());
}

TEST_CASE("kernel threads and processes that renamed themselves are not found", "[platform][processes]") {
  FakeRoot root;
  fill(root);
  CHECK(list_processes_named(root.path(), {"warp-svc"})->empty());
}

TEST_CASE("no /proc is no list, not an empty one", "[platform][processes]") {
  FakeRoot root;
  CHECK_FALSE(list_processes_named(root.path(), {"TaniumClient"}).has_value());
}

TEST_CASE("the live process list holds this test program", "[platform][processes]") {
  const auto running = seed::platform::running_processes_named({"unit_platform", "no-such-program-xyz"});
  REQUIRE(running);
  CHECK(*running == std::vector<std::string>{"unit_platform"});
}
