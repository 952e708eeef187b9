# What `cmake --install` puts where, and the Debian package CPack makes of it
# (`cpack -G DEB` in the build folder; tests/cli/package_deb.sh builds and inspects one).
#
# The rule pack is compiled into the binary; share/logdx/rules is a readable copy for users who
# want to see or copy a built-in rule (passing it with --rules is harmless: the loader knows the
# pack's own files and does not load them twice).

include(GNUInstallDirs)

install(TARGETS logdx RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/logdx/rules
  FILES_MATCHING PATTERN "*.yaml" PATTERN "*.yml" PATTERN "README.md")

# Debian policy wants man pages compressed, with no timestamp (gzip -n) so builds reproduce.
set(LOGDX_MAN_PAGE ${CMAKE_BINARY_DIR}/man/logdx.1.gz)
add_custom_command(OUTPUT ${LOGDX_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
  COMMAND sh -c "gzip -9nc \"$0\" > \"$1\"" ${PROJECT_SOURCE_DIR}/docs/logdx.1 ${LOGDX_MAN_PAGE}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/logdx.1
  COMMENT "Compressing the man page" VERBATIM)
add_custom_target(logdx_man_page ALL DEPENDS ${LOGDX_MAN_PAGE})
install(FILES ${LOGDX_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Where each shell looks for completions shipped by packages (Debian's folders).
install(FILES ${PROJECT_SOURCE_DIR}/completions/logdx.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME logdx)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_logdx
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/completions/logdx.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# The libraries linked in from static archives (cmake/static_deps.cmake) are part of the
# binary, and their licences (BSD, MIT, zlib) ask a binary distribution to carry their
# notices: share/doc/logdx/copyright holds each one's Debian copyright file, found through
# dpkg (without dpkg, on another distribution, the file only lists the archives).
get_property(logdx_archives GLOBAL PROPERTY LOGDX_STATIC_ARCHIVES)
set(LOGDX_COPYRIGHT ${CMAKE_BINARY_DIR}/doc/copyright)
set(logdx_notices "logdx links the following libraries from static archives. Their copyright\n\
notices and licences, as their Debian packages ship them, follow.\n")
find_program(LOGDX_DPKG dpkg)
foreach(archive IN LISTS logdx_archives)
  get_filename_component(file ${archive} NAME)
  set(package "")
  if(LOGDX_DPKG)
    execute_process(COMMAND ${LOGDX_DPKG} -S ${archive} OUTPUT_VARIABLE owner ERROR_QUIET
      OUTPUT_STRIP_TRAILING_WHITESPACE)
    string(REGEX REPLACE "^([^:, ]+).*" "\\1" package "${owner}")
  endif()
  string(APPEND logdx_notices "\n==== ${file} (Debian package ${package}) ====\n\n")
  if(package AND EXISTS /usr/share/doc/${package}/copyright)
    file(READ /usr/share/doc/${package}/copyright notice)
    string(APPEND logdx_notices "${notice}")
  else()
    string(APPEND logdx_notices "(no copyright file found for ${archive})\n")
  endif()
endforeach()
file(WRITE ${LOGDX_COPYRIGHT} "${logdx_notices}")
install(FILES ${LOGDX_COPYRIGHT} DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME logdx)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "logdx maintainers <logdx@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "log analyzer and fix recommender for self-hosted OpenClaw gateways")
set(CPACK_PACKAGE_DESCRIPTION
  "logdx reads gateway, PM2, systemd journal, kernel, Docker and proxy logs, finds the root\n\
cause of a failure with a rule engine, prints the proof and copy-pasteable fixes, and keeps a\n\
history of incidents.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends from the shared libraries the binary links (dpkg-shlibdeps, from dpkg-dev), plus
# libsystemd0, which the binary loads itself when it reads a journal (journal_library.hpp), so
# shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsystemd0")
include(CPack)
