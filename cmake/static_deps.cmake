# Start-up time (issue 13). Every shared library the binary needs is one more object for the
# dynamic loader to map and to resolve symbols in, at every run: with thirteen of them that was
# about 2 ms of a one-line `analyze` (~6 %). Debian's -dev packages ship static archives of most
# third-party libraries logdx uses, so those are linked into the binary; fmt and simdjson have
# none and stay shared, as do libc, libstdc++ and libm. libsystemd is loaded only when a journal
# file is read (parsers/src/input/journal_library.hpp) and is not linked at all.
#   LOGDX_STATIC_DEPS=ON   (default) link the archive of each library that has one
#   LOGDX_STATIC_DEPS=OFF  link every library shared, as the distribution's own packages do

option(LOGDX_STATIC_DEPS "Link the third-party libraries that ship a static archive statically" ON)

# logdx_prefer_archive(TARGET NAME [LIB...]): if libNAME.a is installed, TARGET (an imported
# target found above) links it instead of the shared library, plus LIB... (what the archive
# itself needs: its pkg-config file's Libs.private). Without the archive, nothing changes.
function(logdx_prefer_archive target name)
  if(NOT LOGDX_STATIC_DEPS)
    return()
  endif()
  find_library(LOGDX_ARCHIVE_${name} NAMES lib${name}.a)
  set(archive "${LOGDX_ARCHIVE_${name}}")
  if(NOT archive)
    message(STATUS "logdx: no lib${name}.a, ${target} stays shared")
    return()
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")  # pkg-config's targets: the libraries are a list
    set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES "${archive};${ARGN}")
  else()  # a CMake package's imported library: its file, for every configuration it names
    set_property(TARGET ${target} PROPERTY IMPORTED_LOCATION "${archive}")
    get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
    foreach(config IN LISTS configs)
      set_property(TARGET ${target} PROPERTY IMPORTED_LOCATION_${config} "${archive}")
    endforeach()
    set_property(TARGET ${target} APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${ARGN})
  endif()
endfunction()
