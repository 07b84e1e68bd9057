# Installation (`cmake --install build --prefix P`) and the Debian package (`cpack -G DEB` in build/):
#   bin/hwaware                     the CLI (never loads LibTorch or MPI)
#   libexec/hwaware/hwaware-torch   the commands that train or run under MPI (cli/training_commands.h)
#   lib/libhwaware_*.a, include/hwaware/<folder>/*.h
#   lib/cmake/hwaware/              find_package(hwaware): hwaware::core ... hwaware::search
#   share/hwaware/                  presets, networks, layers, example mappings, dataflow constraints,
#                                   plotting scripts (found at run time: core/install_paths.h)
#   Python: the hwaware module in HWAWARE_PYTHON_INSTALL_DIR (python/CMakeLists.txt)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(HWAWARE_LIBRARIES core circuits arch workloads mappings models sim search)
set(HWAWARE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/hwaware)

foreach(lib ${HWAWARE_LIBRARIES})
  set_target_properties(hwaware_${lib} PROPERTIES EXPORT_NAME ${lib})
endforeach()
list(TRANSFORM HWAWARE_LIBRARIES PREPEND hwaware_ OUTPUT_VARIABLE hwaware_library_targets)
install(TARGETS ${hwaware_library_targets} EXPORT hwawareTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/hwaware)
install(TARGETS hwaware RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS hwaware-torch RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/hwaware)

# Headers keep their folder: #include "models/engine.h" as in the sources.
foreach(lib ${HWAWARE_LIBRARIES})
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${lib}/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/hwaware/${lib} FILES_MATCHING PATTERN "*.h")
endforeach()

# share/hwaware: the same entries the build tree links (HWAWARE_DATA_DIRS); of scripts/, only the
# plotting scripts the commands run.
foreach(entry ${HWAWARE_DATA_DIRS})
  string(REPLACE "=" ";" pair ${entry})
  list(GET pair 0 name)
  list(GET pair 1 source)
  if(name STREQUAL "scripts")
    install(FILES ${PROJECT_SOURCE_DIR}/scripts/plot_breakdown.py ${PROJECT_SOURCE_DIR}/scripts/plot_pareto.py
                  ${PROJECT_SOURCE_DIR}/scripts/plot_sweep.py DESTINATION ${CMAKE_INSTALL_DATADIR}/hwaware/scripts)
  else()
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/${source}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/hwaware/${name})
  endif()
endforeach()

install(EXPORT hwawareTargets NAMESPACE hwaware:: DESTINATION ${HWAWARE_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hwawareConfig.cmake.in ${PROJECT_BINARY_DIR}/hwawareConfig.cmake
                              INSTALL_DESTINATION ${HWAWARE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/hwawareConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/hwawareConfig.cmake ${PROJECT_BINARY_DIR}/hwawareConfigVersion.cmake DESTINATION ${HWAWARE_CMAKE_DIR})

# cpack -G DEB: depends on the Debian packages of what the installed files link and run.
set(CPACK_PACKAGE_NAME hwaware)
set(CPACK_PACKAGE_VENDOR hwaware)
set(CPACK_PACKAGE_CONTACT "hwaware developers <hwaware@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Energy and latency of DNN layers on described accelerators (digital arrays, PIM)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # dpkg-shlibdeps: the libraries the executables and module link
# Beyond what the files link: Debian's Python 3.11, which the module is built for; matplotlib for --plot.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "python3 (>= 3.11), python3 (<< 3.12), python3-matplotlib")
# What a project built against the installed libraries also needs (their headers and CMake packages).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-pandas, libyaml-cpp-dev, libfmt-dev, libeigen3-dev, libsystemc-dev")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
include(CPack)
