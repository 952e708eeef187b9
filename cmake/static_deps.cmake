# Start-up time (issue 13). Every shared library the binary needs is one more object for the
# dynamic loader to map and to resolve symbols in, at every run: with thirteen of them that was
# about 2 ms of a one-line `analyze` (~6 %). Debian's -dev packages ship static archives of most
# third-party libraries logdx uses, so those are linked into the binary; fmt and simdjson have
# none and stay shared, as do libc, libstdc++ and libm. libsystemd is loaded only when a journal
# file is read (parsers/src/input/journal_library.hpp) and is not linked at all.
#   LOGDX_STATIC_DEPS=ON   (default) link the archive of each library that has one
#   LOGDX_STATIC_DEPS=OFF  link every library shared, as the distribution's own packages do

option(LOGDX_STATIC_DEPS "Link the third-party libraries that ship a static archive statically" ON)

# logdx_prefer_archive(TARGET NAME [LIB...]): if libNAME.a is installed beside the libNAME.so
# that TARGET (an imported target found above) links, TARGET links the archive instead, plus
# LIB... (what the archive itself needs: its pkg-config file's Libs.private). Only that one
# entry changes: what pkg-config's Requires added (abseil for newer RE2) is kept. The archive is
# looked for in the shared library's own folder only, so it matches the headers in use.
# Without an archive there, nothing changes.
function(logdx_prefer_archive target name)
  if(NOT LOGDX_STATIC_DEPS)
    return()
  endif()
  get_target_property(type ${target} TYPE)
  set(properties INTERFACE_LINK_LIBRARIES)  # pkg-config's targets: the libraries are a list
  if(NOT type STREQUAL "INTERFACE_LIBRARY")  # a CMake package's imported library: its files
    set(properties IMPORTED_LOCATION)
    get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
    foreach(config IN LISTS configs)
      list(APPEND properties IMPORTED_LOCATION_${config})
    endforeach()
  endif()
  set(shared "")
  foreach(property IN LISTS properties)
    get_target_property(libs ${target} ${property})
    foreach(lib IN LISTS libs)
      if(NOT shared AND lib MATCHES "/lib${name}\\.so")
        set(shared "${lib}")
      endif()
    endforeach()
  endforeach()
  if(shared)
    get_filename_component(dir "${shared}" DIRECTORY)
    find_library(archive NAMES lib${name}.a HINTS "${dir}" NO_DEFAULT_PATH NO_CACHE)
  endif()
  if(NOT shared OR NOT archive)
    message(STATUS "logdx: no lib${name}.a beside lib${name}.so, ${target} stays shared")
    return()
  endif()
  foreach(property IN LISTS properties)
    get_target_property(libs ${target} ${property})
    if(libs)
      list(TRANSFORM libs REPLACE "^${shared}$" "${archive}")
      set_property(TARGET ${target} PROPERTY ${property} "${libs}")
    endif()
  endforeach()
  set_property(TARGET ${target} APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${ARGN})
  # Their licences ask a binary distribution to carry their notices (cmake/packaging.cmake).
  set_property(GLOBAL APPEND PROPERTY LOGDX_STATIC_ARCHIVES "${archive}")
endfunction()
