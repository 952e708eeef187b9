# Build time (issue 16). Nothing here changes what the code does; it changes how long it takes
# to compile and link on a small machine.
#   LOGDX_DEBUG_INFO=line   (default) -g1: line tables and function names, enough for
#                           backtraces and sanitizer reports; full -g made the binary ~100 MB
#                           and a good share of every compile
#   LOGDX_DEBUG_INFO=full   the compiler's full -g (variables, types) for a debugger session
#   LOGDX_PCH=ON            precompiled headers for the heavy third-party headers
#                           (logdx_precompile_headers below)
#   LOGDX_LINKER=auto       mold, else lld, else the compiler's default linker; or a name
#                           (mold, lld, gold, bfd) or "default"
#   LOGDX_CCACHE=ON         ccache in front of the compiler when the machine has it, set up so
#                           that it also caches the precompiled headers and the units using them

set(LOGDX_DEBUG_INFO "line" CACHE STRING "debug info: line (-g1) or full (-g)")
set_property(CACHE LOGDX_DEBUG_INFO PROPERTY STRINGS line full)
if(LOGDX_DEBUG_INFO STREQUAL "line")
  # After CMAKE_CXX_FLAGS_<CONFIG>'s -g on the command line, so the last one (-g1) wins.
  add_compile_options($<$<CONFIG:RelWithDebInfo,Debug>:-g1>)
elseif(NOT LOGDX_DEBUG_INFO STREQUAL "full")
  message(FATAL_ERROR "LOGDX_DEBUG_INFO is line or full, not '${LOGDX_DEBUG_INFO}'")
endif()

option(LOGDX_PCH "Precompile the heavy third-party headers (Boost.Spirit, fmt, Catch2, yaml-cpp)" ON)

# logdx_precompile_headers(TARGET HEADER...): TARGET's units get HEADER... precompiled. The
# headers are third-party (<...>) and stable, so a change in logdx never rebuilds them. The
# units still include what they use: LOGDX_PCH=OFF must build too.
function(logdx_precompile_headers target)
  if(LOGDX_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()

# The linker: mold and lld link the test binaries several times faster than GNU ld.
set(LOGDX_LINKER "auto" CACHE STRING "linker: auto (mold, lld, else default), a name, or default")
if(LOGDX_LINKER STREQUAL "auto")
  set(logdx_linker_candidates mold lld)
elseif(LOGDX_LINKER STREQUAL "default")
  set(logdx_linker_candidates "")
else()
  set(logdx_linker_candidates ${LOGDX_LINKER})
endif()
include(CheckLinkerFlag)
foreach(linker IN LISTS logdx_linker_candidates)
  string(TOUPPER "${linker}" upper)
  check_linker_flag(CXX "-fuse-ld=${linker}" LOGDX_HAVE_LINKER_${upper})
  if(LOGDX_HAVE_LINKER_${upper})
    add_link_options("-fuse-ld=${linker}")
    message(STATUS "logdx: linking with ${linker}")
    break()
  elseif(NOT LOGDX_LINKER STREQUAL "auto")
    message(FATAL_ERROR "LOGDX_LINKER=${LOGDX_LINKER}: the compiler cannot use it")
  endif()
endforeach()

# ccache: shares objects between builds and worktrees of one checkout. Set up here, not in the
# scripts, so that `ninja -C build` run by hand gets the same settings:
#   CCACHE_BASEDIR     paths under the checkout's parent become relative (worktrees share)
#   CCACHE_NOHASHDIR   -g would otherwise hash the build folder
#   CCACHE_SLOPPINESS  pch_defines,time_macros: without it ccache refuses to cache a unit
#                      that uses a precompiled header (it compiles it, uncached: correct, slow)
# A launcher given on the command line (-DCMAKE_CXX_COMPILER_LAUNCHER=...) is left alone.
option(LOGDX_CCACHE "Compile through ccache when it is installed" ON)
# Build folders configured by the older scripts/build hold a bare `ccache` launcher: take over.
if(CMAKE_CXX_COMPILER_LAUNCHER STREQUAL "ccache")
  unset(CMAKE_CXX_COMPILER_LAUNCHER CACHE)
endif()
find_program(LOGDX_CCACHE_PROGRAM ccache)
if(LOGDX_CCACHE AND LOGDX_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  if(DEFINED ENV{CCACHE_BASEDIR})
    set(logdx_ccache_base "$ENV{CCACHE_BASEDIR}")
  else()
    get_filename_component(logdx_ccache_base "${PROJECT_SOURCE_DIR}" DIRECTORY)
  endif()
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env "CCACHE_BASEDIR=${logdx_ccache_base}"
      CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=pch_defines,time_macros
      ${LOGDX_CCACHE_PROGRAM})
  message(STATUS "logdx: compiling through ccache (${LOGDX_CCACHE_PROGRAM})")
endif()
if(LOGDX_PCH AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  # clang stamps the .pch with its build time, which ccache would see as a new input every
  # time; its content is what matters.
  add_compile_options("SHELL:-Xclang -fno-pch-timestamp")
endif()

# logdx_unity_groups(TARGET DIR GROUP NAME SOURCE... [GROUP NAME SOURCE...]...): TARGET's
# SOURCEs (in DIR) are compiled as one unit per group (CMake's unity build, group mode), so the
# headers they share are compiled once per group, not once per file. Units outside any group
# compile on their own. LOGDX_UNITY=OFF compiles every unit on its own (as a check that each
# includes what it uses): `LOGDX_CHECK_UNITS=1 scripts/test` adds that build, which CI does not
# run by default (it costs a whole build).
option(LOGDX_UNITY "Compile units that share heavy headers in unity groups" ON)
function(logdx_unity_groups target dir)
  if(NOT LOGDX_UNITY)
    return()
  endif()
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_MODE GROUP)
  set(group "")
  foreach(arg IN LISTS ARGN)
    if(arg STREQUAL "GROUP")
      set(expect_name TRUE)
    elseif(expect_name)
      set(group ${arg})
      set(expect_name FALSE)
    else()
      set_source_files_properties(${dir}/${arg} TARGET_DIRECTORY ${target}
        PROPERTIES UNITY_GROUP ${group})
    endif()
  endforeach()
endfunction()

# logdx_unity(TARGET): TARGET's groups as scripts/unity-groups wrote them into
# cmake/unity_groups.cmake: files of one folder, never two that define the same file-local
# name (an anonymous namespace's function, a static). The cli's groups are by hand, below
# CMakeLists.txt's logdx target.
include(${CMAKE_CURRENT_LIST_DIR}/unity_groups.cmake)
function(logdx_unity target)
  logdx_unity_groups(${target} ${PROJECT_SOURCE_DIR} ${LOGDX_UNITY_GROUPS_${target}})
endfunction()
