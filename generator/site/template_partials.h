// The site's templates with their partials ({{> name}}) written into them once, at load, so that
// kainjow does not parse a partial again at each use (a list page uses one per document).
#pragma once

#include <map>
#include <string>

namespace vanban {

// `text` with each {{> name}} of a partial of `partials` replaced by that partial's text (its own
// partials replaced first). kainjow renders a partial as if its text stood in place of the tag, in
// the same line: it neither indents it nor drops a standalone tag's line as the Mustache spec says.
// So the replaced text renders the same bytes, except where the text reads differently once joined;
// those tags are left as they are, for kainjow to render at each use as before:
// - either text has a set-delimiter tag ({{=<% %>=}}): kainjow parses a partial with the default
//   delimiters, and a partial's own would reach the text after it;
// - "\r" then "\n", or "{" then "{", across either edge of the tag (one newline, or a new tag);
// - a partial that is not a valid template by itself, or that includes itself;
// - a name not in `partials` (kainjow looks it up in the page's data).
std::string inline_partials(const std::string& text, const std::map<std::string, std::string>& partials);

}  // namespace vanban
