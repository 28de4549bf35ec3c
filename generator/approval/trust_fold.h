// Which trust facts hold at a commit of a history that branches and merges.
//
// Each commit's change of the facts (its tree against its parents) is an event. For a commit
// with one parent the change is the difference; for a merge, facts present in no parent are
// added, and a fact some parent has is removed when the merge drops it, unless a parent lacking
// it dropped it on its own line (what a merge takes from one side was already judged on that
// side) or it was not trusted. An event counts ("authorised") when
// the judge accepts it under the trust in force at its parents. The trust root's facts are
// taken as given.
//
// A fact holds at commit C when an authorised addition of it is an ancestor-or-self of C and
// every authorised removal of it in C's ancestry is an ancestor of that addition: a removal
// concurrent with an addition beats it, whatever the order of the merge's parents. An addition
// (and an approval) made on a branch is also judged again, seen from the viewpoint: with the
// authorised removals that reach it without passing through the commit applied, and the
// additions the commit relied on judged the same way. So a key revoked on main cannot add keys
// or approve on a branch forked before the revocation, nor can a key it added there. Removals
// only lower trust, so an authorised removal always applies (fail closed).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace vanban {

using FactSet = std::set<std::string>;

struct FoldCommit {
    std::vector<int> parents;              // indices of earlier commits
    std::shared_ptr<const FactSet> facts;  // as the commit's tree states them
    bool endorses = false;                 // "Tin-cay: chap-nhan": accepts the facts as they stand
    bool tracked = false;                  // asked about later (an approval): keeps its ancestry
};

class TrustFold {
public:
    // Accepts or refuses an event (or an approval) at `commit` under the trust `facts`.
    using Judge = std::function<bool(int commit, const FactSet& facts)>;
    // Facts with the same non-empty key hold one value (a type's policy): an authorised
    // addition of one value removes the others trusted before it.
    using Key = std::function<std::string(const std::string& fact)>;

    // `commits` in topological order, parents first; `root`: the commit whose facts are
    // taken as given (-1: none, nothing is trusted).
    TrustFold(std::vector<FoldCommit> commits, int root, const Judge& judge, const Key& key = {});

    bool is_event(int c) const { return event_of_[c] >= 0; }
    bool authorised(int c) const { return is_event(c) && events_[event_of_[c]].authorised; }
    const FactSet& added(int c) const { return events_[event_of_[c]].added; }
    const FactSet& removed(int c) const { return events_[event_of_[c]].removed; }
    std::vector<int> events() const;
    // The facts in force at `c` (after its own change), seen from `c`.
    FactSet trust_at(int c) const;
    // The facts in force at `c`'s parents: what its own change was judged with.
    const FactSet& trust_before(int c) const { return before(c); }
    // The facts an approval at `c` (a tracked commit) is judged with, seen from `view` (a
    // descendant): those in force at its parents, less what authorised removals concurrent with
    // `c` took, and less what additions overruled from `view` brought.
    FactSet judged_with(int c, int view) const;
    // An authorised event whose addition does not hold at `view` because a concurrent
    // removal took away the authority it was made with.
    bool overruled(int c, int view) const;
    bool ancestor(int a, int b) const;  // a is b or an ancestor of b; `a` an event, root or tracked commit

private:
    struct Event {
        int commit;
        FactSet added, removed;
        bool authorised = false;
    };
    bool strictly_before(int a, int b) const { return a != b && ancestor(a, b); }
    // Authorised removals reaching `horizon` concurrent with `c` (neither before nor after it).
    std::vector<int> concurrent_removals(int c, int horizon) const;
    // Whether an authorised event still holds seen from `horizon`: judged again, when removals
    // concurrent with it reach there, with the trust at its parents as seen from there.
    bool effective(int c, int horizon) const;
    // The facts at `c` (after its own change when `inclusive`, else at its parents), with the
    // removals that reach `horizon` applied and additions judged from there.
    FactSet trust(int c, bool inclusive, int horizon) const;
    const FactSet& before(int c) const;

    std::vector<FoldCommit> commits_;
    int root_;
    Judge judge_;
    // Gives `c` its bit (when asked about) and its ancestry; its parents' are set already.
    void set_ancestry(int c);

    int bits_ = 0;
    std::vector<int> bit_of_;                     // commit → bit in the ancestry sets, or -1
    std::vector<std::vector<uint64_t>> ancestry_; // commit → bits of tracked ancestors-or-self
    std::vector<Event> events_;
    std::vector<int> event_of_;                   // commit → event index, or -1
    std::map<std::string, std::vector<int>> adds_, removes_;  // fact → events (commit indices)
    std::vector<int> removals_;                   // authorised events that remove facts
    mutable std::map<std::pair<int, std::vector<int>>, bool> rejudged_;
    mutable std::map<int, FactSet> before_;
};

}  // namespace vanban
