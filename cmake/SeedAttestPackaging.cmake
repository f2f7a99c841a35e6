# The Debian package, built with `cpack -G DEB` in the build folder:
#   /usr/lib/seed-attest/seed-attest      the program (host/CMakeLists.txt installs it)
#   /usr/bin/seed-attest                  a symlink to it
#   /etc/..., /usr/lib/mozilla/...        the system-wide host manifests, exactly as
#                                         `seed-attest install --system` writes them
#   /usr/share/doc/seed-attest/           README, policy and enterprise policy examples
if(NOT TARGET seed-attest-stage-manifests)
  return()
endif()

set(_seed_stage ${PROJECT_BINARY_DIR}/package-stage)

# The manifests come from the planner itself (seed-attest-stage-manifests), so the package and
# `seed-attest install --system` cannot disagree on a folder or a byte.
add_custom_command(
  OUTPUT ${_seed_stage}/manifests.stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${_seed_stage}/root
  COMMAND seed-attest-stage-manifests ${_seed_stage}/root
  COMMAND ${CMAKE_COMMAND} -E touch ${_seed_stage}/manifests.stamp
  DEPENDS seed-attest-stage-manifests
  COMMENT "Staging the system-wide host manifests for the Debian package"
  VERBATIM)
add_custom_target(seed_attest_package_manifests ALL DEPENDS ${_seed_stage}/manifests.stamp)
install(DIRECTORY ${_seed_stage}/root/ DESTINATION /)

file(MAKE_DIRECTORY ${_seed_stage}/bin)
file(CREATE_LINK ../lib/seed-attest/seed-attest ${_seed_stage}/bin/seed-attest SYMBOLIC)
install(FILES ${_seed_stage}/bin/seed-attest DESTINATION bin)

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/seed-attest)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/manifests/enterprise/ DESTINATION share/doc/seed-attest/examples/enterprise)
if(EXISTS ${PROJECT_SOURCE_DIR}/manifests/policy)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/manifests/policy/ DESTINATION share/doc/seed-attest/examples/policy)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME seed-attest)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "seed-attest maintainers <maintainers@seed-attest.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "SEED device check helper for the TechPass portal")
set(CPACK_PACKAGE_DESCRIPTION "seed-attest tells which kind of device a TechPass portal user is on \
(GSIB, SE-GSIB, SEED-managed or an Internet device), proves it with a signed token where a device \
certificate exists, and serves the SEED device check browser extension as its native-messaging host \
(sg.techpass.seed_attest).")
# The manifests install to absolute folders (/etc/...): DESTDIR keeps them inside the package, and
# with DESTDIR the prefix is CPACK_INSTALL_PREFIX.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_LIST_DIR}/debian/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
