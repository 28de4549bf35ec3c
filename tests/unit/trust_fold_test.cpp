// The trust fold over a commit graph (approval/trust_fold.h), without git: commits are indices,
// facts are strings, and a commit is "signed" by the key named in `signer`. The judge accepts a
// commit when its signer's key is trusted.
#include <doctest/doctest.h>

#include <map>

#include "approval/trust_fold.h"

using namespace vanban;

namespace {

struct Graph {
    std::vector<FoldCommit> commits;
    std::map<int, std::string> signer;  // commit → key it is signed with

    int add(std::vector<int> parents, FactSet facts, const std::string& key = "", bool tracked = false) {
        FoldCommit c;
        c.parents = std::move(parents);
        c.facts = std::make_shared<const FactSet>(std::move(facts));
        c.tracked = tracked;
        commits.push_back(std::move(c));
        signer[static_cast<int>(commits.size()) - 1] = key;
        return static_cast<int>(commits.size()) - 1;
    }
    TrustFold fold(int root = 0) const {
        std::map<int, std::string> keys = signer;
        return TrustFold(commits, root, [keys](int c, const FactSet& trusted) {
            return !keys.at(c).empty() && trusted.count("key:" + keys.at(c)) > 0;
        });
    }
};

const FactSet kBoth = {"key:ht", "key:pht"};
const FactSet kHtOnly = {"key:ht"};

}  // namespace

TEST_CASE("trust fold: a revocation that arrives through either parent of a merge applies, and overrules a branch's approval") {
    for (bool main_first : {true, false}) {
        CAPTURE(main_first);
        Graph g;
        int root = g.add({}, kBoth);
        int revoke = g.add({root}, kHtOnly, "ht");
        int approval = g.add({root}, kBoth, "pht", true);  // on a branch forked before the revocation
        int merge = main_first ? g.add({revoke, approval}, kHtOnly) : g.add({approval, revoke}, kHtOnly);
        TrustFold fold = g.fold(root);
        CHECK(fold.authorised(revoke));
        CHECK(fold.trust_at(merge) == kHtOnly);
        // At its parents the key was trusted; seen from the merge, the revocation beats it.
        CHECK(fold.judged_with(approval, approval).count("key:pht") == 1);
        CHECK(fold.judged_with(approval, merge).count("key:pht") == 0);
    }
}

TEST_CASE("trust fold: on one line, an approval before a revocation keeps the trust it was made with") {
    Graph g;
    int root = g.add({}, kBoth);
    int approval = g.add({root}, kBoth, "pht", true);
    int revoke = g.add({approval}, kHtOnly, "ht");
    TrustFold fold = g.fold(root);
    CHECK(fold.judged_with(approval, revoke).count("key:pht") == 1);
    CHECK(fold.trust_at(revoke) == kHtOnly);
}

TEST_CASE("trust fold: a key revoked on main cannot add a key on a branch forked before, in either merge order") {
    for (bool main_first : {true, false}) {
        CAPTURE(main_first);
        Graph g;
        int root = g.add({}, kBoth);
        int revoke = g.add({root}, kHtOnly, "ht");
        int sneak = g.add({root}, {"key:ht", "key:pht", "key:ngoai"}, "pht");
        int merge = main_first ? g.add({revoke, sneak}, {"key:ht", "key:ngoai"}) : g.add({sneak, revoke}, {"key:ht", "key:ngoai"});
        // The new key then signs another change: not authorised either.
        int later = g.add({merge}, {"key:ht", "key:ngoai", "key:khac"}, "ngoai");
        TrustFold fold = g.fold(root);
        CHECK(fold.authorised(sneak));  // at its parents pht was trusted...
        CHECK(fold.overruled(sneak, merge));  // ...but the revocation reaches the merge
        CHECK(fold.trust_at(merge) == kHtOnly);
        CHECK_FALSE(fold.authorised(later));
        CHECK(fold.trust_at(later) == kHtOnly);
    }
}

TEST_CASE("trust fold: unauthorised changes and merges that invent or drop facts are not used") {
    Graph g;
    int root = g.add({}, kBoth);
    int unsigned_add = g.add({root}, {"key:ht", "key:pht", "key:ngoai"});
    int side = g.add({root}, kBoth, "ht");
    // A merge that drops a key both parents have, and adds one neither has, unsigned.
    int merge = g.add({unsigned_add, side}, {"key:ht", "key:ngoai", "key:khac"});
    TrustFold fold = g.fold(root);
    CHECK(fold.is_event(unsigned_add));
    CHECK_FALSE(fold.authorised(unsigned_add));
    CHECK_FALSE(fold.is_event(side));
    CHECK(fold.removed(merge) == FactSet{"key:pht"});
    CHECK(fold.added(merge) == FactSet{"key:khac"});
    CHECK_FALSE(fold.authorised(merge));
    CHECK(fold.trust_at(merge) == kBoth);
}

TEST_CASE("trust fold: two concurrent authorised changes of the same fact, in either order, fail closed") {
    for (bool first : {true, false}) {
        CAPTURE(first);
        Graph g;
        int root = g.add({}, kBoth);
        int removes = g.add({root}, kHtOnly, "ht");                          // ht revokes pht on one branch
        int drops = g.add({root}, kHtOnly, "ht");                            // on another, ht revokes pht too...
        int readds = g.add({drops}, {"key:ht", "key:pht", "key:moi"}, "ht");  // ...then gives it back, with a new key
        const FactSet merged = {"key:ht", "key:pht", "key:moi"};
        int merge = first ? g.add({removes, readds}, merged) : g.add({readds, removes}, merged);
        TrustFold fold = g.fold(root);
        CHECK(fold.authorised(removes));
        CHECK(fold.authorised(readds));
        CHECK(fold.trust_at(readds) == merged);
        // pht given back on one branch and revoked on the other: the revocation wins; moi holds.
        CHECK(fold.trust_at(merge) == FactSet{"key:ht", "key:moi"});
    }
}

TEST_CASE("trust fold: a key added on a branch and dropped by the merge's resolution is a removal, in either parent order") {
    for (bool main_first : {true, false}) {
        for (bool signed_merge : {true, false}) {
            CAPTURE(main_first);
            CAPTURE(signed_merge);
            Graph g;
            int root = g.add({}, kBoth);
            int main = g.add({root}, kBoth, "ht");                           // main goes on, no trust change
            int adds = g.add({root}, {"key:ht", "key:pht", "key:x"}, "ht");  // an admin adds x on a branch
            std::string signer = signed_merge ? "ht" : "";
            int merge = main_first ? g.add({main, adds}, kBoth, signer) : g.add({adds, main}, kBoth, signer);
            TrustFold fold = g.fold(root);
            CHECK(fold.authorised(adds));
            REQUIRE(fold.is_event(merge));
            CHECK(fold.removed(merge) == FactSet{"key:x"});
            CHECK(fold.added(merge).empty());
            // Judged like any other change: signed by an admin it applies; unsigned it is an
            // unauthorised change (reported), and x, no longer in any list, is not used silently.
            CHECK(fold.authorised(merge) == signed_merge);
            CHECK(fold.trust_at(merge).count("key:x") == (signed_merge ? 0 : 1));
        }
    }
}

TEST_CASE("trust fold: a merge taking a revocation made on one side is no change of its own, in either parent order") {
    for (bool main_first : {true, false}) {
        CAPTURE(main_first);
        Graph g;
        int root = g.add({}, kBoth);
        int main = g.add({root}, kBoth, "pht");
        int revoke = g.add({root}, kHtOnly, "ht");
        // Unsigned: it only takes what the branch decided.
        int merge = main_first ? g.add({main, revoke}, kHtOnly) : g.add({revoke, main}, kHtOnly);
        // An unauthorised drop on one side, merged: reported there, once.
        int unsigned_drop = g.add({merge}, {});
        int side = g.add({merge}, kHtOnly, "ht");
        int later = main_first ? g.add({side, unsigned_drop}, {}) : g.add({unsigned_drop, side}, {});
        TrustFold fold = g.fold(root);
        CHECK_FALSE(fold.is_event(merge));
        CHECK(fold.trust_at(merge) == kHtOnly);
        CHECK(fold.is_event(unsigned_drop));
        CHECK_FALSE(fold.authorised(unsigned_drop));
        CHECK_FALSE(fold.is_event(later));
        CHECK(fold.trust_at(later) == kHtOnly);
    }
}

TEST_CASE("trust fold: a keyed fact holds one value, a new value replaces even one its parent's tree no longer showed") {
    Graph g;
    int root = g.add({}, {"key:ht", "type:kh=ht"});
    int unauthorised = g.add({root}, {"key:ht", "type:kh=none"});
    int fix = g.add({unauthorised}, {"key:ht", "type:kh=ht+pgd"}, "ht");
    auto key = [](const std::string& f) { return f.rfind("type:", 0) == 0 ? f.substr(0, f.find('=')) : std::string(); };
    std::map<int, std::string> keys = g.signer;
    TrustFold fold(g.commits, root, [keys](int c, const FactSet& t) { return !keys.at(c).empty() && t.count("key:" + keys.at(c)) > 0; }, key);
    CHECK(fold.trust_at(unauthorised) == FactSet{"key:ht", "type:kh=ht"});
    CHECK(fold.trust_at(fix) == FactSet{"key:ht", "type:kh=ht+pgd"});
}

TEST_CASE("trust fold: nothing is trusted without a root, or before it") {
    Graph g;
    int first = g.add({}, {"key:ht"});
    int second = g.add({first}, kBoth, "ht");
    TrustFold none = g.fold(-1);
    CHECK(none.trust_at(second).empty());
    CHECK_FALSE(none.authorised(second));
    TrustFold rooted = g.fold(second);
    CHECK(rooted.trust_at(second) == kBoth);
    CHECK(rooted.trust_at(first).empty());
}

TEST_CASE("trust fold: a key added on a branch by a revoked admin approves nothing there, before or after the merge, in either order") {
    for (bool main_first : {true, false}) {
        CAPTURE(main_first);
        Graph g;
        int root = g.add({}, kBoth);
        int revoke = g.add({root}, kHtOnly, "ht");
        int sneak = g.add({root}, {"key:ht", "key:pht", "key:ngoai"}, "pht");
        // On the branch, before the merge: the new key signs an approval and another trust change.
        int approval = g.add({sneak}, {"key:ht", "key:pht", "key:ngoai"}, "ngoai", true);
        int more = g.add({approval}, {"key:ht", "key:pht", "key:ngoai", "key:khac"}, "ngoai");
        int merge = main_first ? g.add({revoke, more}, {"key:ht", "key:ngoai", "key:khac"})
                               : g.add({more, revoke}, {"key:ht", "key:ngoai", "key:khac"});
        TrustFold fold = g.fold(root);
        // On the branch alone, all of it held...
        CHECK(fold.judged_with(approval, approval).count("key:ngoai") == 1);
        CHECK(fold.authorised(more));
        // ...seen from the merge, none of it does.
        CHECK(fold.judged_with(approval, merge).count("key:ngoai") == 0);
        CHECK(fold.overruled(more, merge));
        CHECK(fold.trust_at(merge) == kHtOnly);
    }
}
