# The modules of vanban: each folder of generator/ is one static library, and a module may include
# and call only itself and the modules below it (ARCHITECTURE.md). The table is the one place
# that says what may use what; the build enforces it: every module compiles against its own include
# folder (build/layers/<module>/) holding one symbolic link per module it may use, so
# `#include "site/site_builder.h"` in pdf/ fails with "No such file or directory".
#
# A module's sources are the .cpp files under generator/<module>/; a module of the table whose folder
# has none has no library, and its users link the modules it would use. A new .cpp file in a new
# folder reconfigures the build (CONFIGURE_DEPENDS).

# Module, then the modules it may use directly (the rest follow transitively). Lower modules first.
set(VANBAN_MODULE_TABLE
    "text"
    "support  text"
    "model    text support"
    "load     model"
    "approval load"
    "check    approval"
    "diff     load"
    "html     load"
    "import   load"
    "pdf      html"
    "docx     load"
    "site     html diff approval"
    "init     load"
    "build    check site pdf docx diff"
    "serve    build"
    "cli      build serve import init")

set(VANBAN_MODULES "")
foreach(row IN LISTS VANBAN_MODULE_TABLE)
    string(REGEX MATCHALL "[a-z_]+" words "${row}")
    list(POP_FRONT words module)
    list(APPEND VANBAN_MODULES ${module})
    set(VANBAN_USES_${module} ${words})
endforeach()

# The transitive closure, in table order: every module a module uses is listed (and closed) before it.
set(_vanban_closed "")
foreach(module IN LISTS VANBAN_MODULES)
    set(closure "")
    foreach(used IN LISTS VANBAN_USES_${module})
        if(NOT used IN_LIST _vanban_closed)
            message(FATAL_ERROR "cmake/modules.cmake: ${module} uses ${used}, which is not listed above it")
        endif()
        list(APPEND closure ${used} ${VANBAN_MAY_USE_${used}})
    endforeach()
    list(REMOVE_DUPLICATES closure)
    set(VANBAN_MAY_USE_${module} ${closure})
    list(APPEND _vanban_closed ${module})
endforeach()

# Every .cpp of generator/ but main.cpp belongs to a module of the table.
file(GLOB_RECURSE _vanban_sources CONFIGURE_DEPENDS RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}/generator generator/*.cpp)
list(REMOVE_ITEM _vanban_sources main.cpp)
foreach(source IN LISTS _vanban_sources)
    string(REGEX REPLACE "/.*" "" folder "${source}")
    if(NOT folder IN_LIST VANBAN_MODULES OR NOT source MATCHES "/")
        message(FATAL_ERROR "generator/${source}: generator/${folder}/ is not a module of cmake/modules.cmake")
    endif()
    list(APPEND _vanban_sources_of_${folder} ${CMAKE_CURRENT_SOURCE_DIR}/generator/${source})
endforeach()

# What every module compiles and links with: the libraries, the version, the mustache header.
add_library(vanban_external INTERFACE)
target_include_directories(vanban_external INTERFACE ${MUSTACHE_INCLUDE})
target_compile_definitions(vanban_external INTERFACE VANBAN_VERSION="${PROJECT_VERSION}")
target_link_libraries(vanban_external INTERFACE
    ${CMARK_GFM_EXTENSIONS_STATIC} ${CMARK_GFM_STATIC} ${YAML_CPP_STATIC} ICU::uc ICU::i18n
    Boost::program_options nlohmann_json::nlohmann_json Threads::Threads xxhash git2 qrencode PkgConfig::HTTPLIB ZLIB::ZLIB)

# A static library does not wait for the libraries it links to be built: every module compiles in
# parallel, as the one library did.
set(CMAKE_OPTIMIZE_DEPENDENCIES ON)

set(VANBAN_LAYERS_DIR ${CMAKE_BINARY_DIR}/layers)
set(VANBAN_MODULE_TARGETS "")
foreach(module IN LISTS VANBAN_MODULES)
    # The include folder: links to the folders of the module and the modules it may use (a link to
    # a folder that does not exist yet starts working when the folder appears). A link no longer
    # allowed (an exception deleted) is removed, the link only: never what it points to.
    set(visible_modules ${module} ${VANBAN_MAY_USE_${module}})
    file(MAKE_DIRECTORY ${VANBAN_LAYERS_DIR}/${module})
    file(GLOB links LIST_DIRECTORIES true RELATIVE ${VANBAN_LAYERS_DIR}/${module} ${VANBAN_LAYERS_DIR}/${module}/*)
    foreach(link IN LISTS links)
        if(IS_SYMLINK ${VANBAN_LAYERS_DIR}/${module}/${link} AND NOT link IN_LIST visible_modules)
            file(REMOVE ${VANBAN_LAYERS_DIR}/${module}/${link})
        endif()
    endforeach()
    foreach(visible IN LISTS visible_modules)
        file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/generator/${visible} ${VANBAN_LAYERS_DIR}/${module}/${visible}
             SYMBOLIC)
    endforeach()
    if(NOT _vanban_sources_of_${module})
        continue()
    endif()
    add_library(vanban_${module} STATIC ${_vanban_sources_of_${module}})
    target_include_directories(vanban_${module} PRIVATE ${VANBAN_LAYERS_DIR}/${module})
    target_link_libraries(vanban_${module} PUBLIC vanban_external)
    list(APPEND VANBAN_MODULE_TARGETS vanban_${module})
endforeach()
# Links after every library exists: a module links the libraries of all modules it may use.
foreach(module IN LISTS VANBAN_MODULES)
    if(NOT TARGET vanban_${module})
        continue()
    endif()
    foreach(used IN LISTS VANBAN_MAY_USE_${module})
        if(TARGET vanban_${used})
            target_link_libraries(vanban_${module} PUBLIC vanban_${used})
        endif()
    endforeach()
endforeach()

# Everything, with all of generator/ visible: what the executable's main() and the tests use.
add_library(vanban_core INTERFACE)
target_include_directories(vanban_core INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/generator)
target_link_libraries(vanban_core INTERFACE ${VANBAN_MODULE_TARGETS})
