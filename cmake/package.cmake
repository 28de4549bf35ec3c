# Installation and the Debian package: `cpack -G DEB` in the build folder makes
# vanban_<version>_amd64.deb holding /usr/bin/vanban and /usr/share/vanban/templates/.
# vanban finds its templates relative to its own executable (load/repository.cpp,
# default_templates_dir), so the two must stay in bin/ and share/vanban/ of one prefix.
include(GNUInstallDirs)

install(TARGETS vanban RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The whole folder: document types, site, PDF and Word layouts, citation words and the
# skeleton of `vanban init` (templates/init/).
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/vanban/templates)

set(CPACK_PACKAGE_NAME vanban)
set(CPACK_PACKAGE_VENDOR "vanban-vn")
set(CPACK_PACKAGE_CONTACT "vanban-vn <vanban-vn@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "văn bản nhà trường dưới dạng mã nguồn / school documents as source code")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # vanban_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# The first line of the Description field is CPACK_PACKAGE_DESCRIPTION_SUMMARY.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"Mỗi văn bản hành chính của trường (kế hoạch, phân công, công khai, công văn,
báo cáo, quyết định) là một tệp Markdown trong một kho git. vanban kiểm tra thể
thức và số liệu, tạo trang web công khai thông tin của trường, bản PDF theo
Nghị định 30/2020/NĐ-CP và bản Word, ghi phê duyệt bằng commit có chữ ký.
.
Each administrative document of a Vietnamese school is a Markdown file in a git
repository. vanban checks form and figures, builds the school's public website,
PDFs in the official layout and Word files, and records approvals as signed
commits.")
# The libraries vanban links: dpkg-shlibdeps (from dpkg-dev) reads them off the binary, so the
# field follows the system the package is built on. tests/package/deb_test.sh checks that none is missing.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The programs vanban runs, which no linking reveals: Pandoc (Word), WeasyPrint (PDF) with a
# Times New Roman metric font, git, ssh-keygen and gpg (signatures), ca-certificates (git over https).
set(VANBAN_DEB_PROGRAMS pandoc weasyprint fonts-liberation2 git openssh-client gnupg ca-certificates)
list(JOIN VANBAN_DEB_PROGRAMS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# Old Word (.doc) and OpenDocument files are converted through LibreOffice when it is installed.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libreoffice-writer-nogui | libreoffice-writer")

# Debian's copyright file and changelog, in /usr/share/doc/vanban/.
configure_file(cmake/debian-copyright.in ${CMAKE_BINARY_DIR}/debian/copyright @ONLY)
# The date of the configure run (SOURCE_DATE_EPOCH when set, for a reproducible package).
string(TIMESTAMP VANBAN_PACKAGE_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
# A native package (no Debian revision): its one changelog is changelog.gz (Debian policy 12.7).
configure_file(cmake/debian-changelog.in ${CMAKE_BINARY_DIR}/debian/changelog @ONLY)
file(ARCHIVE_CREATE OUTPUT ${CMAKE_BINARY_DIR}/debian/changelog.gz PATHS ${CMAKE_BINARY_DIR}/debian/changelog
     FORMAT raw COMPRESSION GZip MTIME 0)
install(FILES ${CMAKE_BINARY_DIR}/debian/copyright ${CMAKE_BINARY_DIR}/debian/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/vanban)

include(CPack)
