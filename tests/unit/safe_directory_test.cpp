// Which folders git's safe.directory trusts, read as git 2.39 reads it: vanban must agree with
// git, or a repository git opens would be refused by vanban (or the other way round).
#include <doctest/doctest.h>

#include "cli/repository_root.h"

using vanban::safe_directory_lists;

TEST_CASE("safe.directory values are matched as git 2.39 matches them") {
    const std::string dir = "/srv/truong";
    CHECK(safe_directory_lists({"/srv/truong"}, dir, "/root"));
    CHECK_FALSE(safe_directory_lists({"/srv/truong/"}, dir, "/root"));  // a trailing slash is another path to git
    CHECK_FALSE(safe_directory_lists({"/srv"}, dir, "/root"));          // a parent folder lists only itself
    CHECK(safe_directory_lists({"*"}, dir, "/root"));
    CHECK(safe_directory_lists({"~/truong"}, "/home/gv/truong", "/home/gv"));
    // An empty value empties the list so far, "*" included; later values count again.
    CHECK_FALSE(safe_directory_lists({"*", ""}, dir, "/root"));
    CHECK_FALSE(safe_directory_lists({"/srv/truong", ""}, dir, "/root"));
    CHECK(safe_directory_lists({"*", "", "/srv/truong"}, dir, "/root"));
    CHECK_FALSE(safe_directory_lists({}, dir, "/root"));
}
