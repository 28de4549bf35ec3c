// The files of a school's templates/ that take the place of vanban's shipped ones, and the
// notes `vanban check` prints about them (a school should know when it no longer gets
// vanban's updated layouts or document types).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "check/report.h"

namespace vanban {

// Paths ("templates/site/base.html") of the plain files under `root`/templates that have a file
// at the same relative path in `shipped`, sorted. Empty when the school's templates/ is `shipped`
// itself (vanban's own repository, the sample school).
std::vector<std::string> template_overrides(const std::string& root, const std::string& shipped);

// One note per file in the text and GitHub formats; nothing in JSON (its output is one document).
void write_template_overrides(const std::vector<std::string>& files, const ReportOptions& options, std::ostream& out);

}  // namespace vanban
