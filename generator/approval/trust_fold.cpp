#include "approval/trust_fold.h"

#include <algorithm>

namespace vanban {

TrustFold::TrustFold(std::vector<FoldCommit> commits, int root, const Judge& judge, const Key& key)
    : commits_(std::move(commits)), root_(root), judge_(judge) {
    const int n = static_cast<int>(commits_.size());
    static const FactSet kNone;
    auto facts = [&](int c) -> const FactSet& { return commits_[c].facts ? *commits_[c].facts : kNone; };

    // The events: what each commit's tree changes against its parents.
    event_of_.assign(n, -1);
    bit_of_.assign(n, -1);
    ancestry_.assign(n, {});
    std::map<std::string, std::vector<int>> dropped_by;  // fact → commits whose tree dropped it (events)
    std::map<int, FactSet> merge_drops;                   // merge → facts its resolution dropped
    for (int c = 0; c < n; ++c) {
        Event e{c, {}, {}, false};
        const auto& parents = commits_[c].parents;
        FactSet drops;
        if (c == root_ || parents.empty()) {
            e.added = facts(c);
        } else {
            auto parents_with = [&](const std::string& f) {
                return std::count_if(parents.begin(), parents.end(), [&](int p) { return facts(p).count(f) > 0; });
            };
            for (const auto& f : facts(c))
                if (parents_with(f) == 0) e.added.insert(f);
            for (int parent : parents)
                for (const auto& f : facts(parent)) {
                    if (facts(c).count(f)) continue;
                    if (parents_with(f) == static_cast<long>(parents.size())) {
                        e.removed.insert(f);
                        continue;
                    }
                    // A fact only some parents have. When a parent lacking it dropped it on its
                    // own line (after parting from the parents that have it), the merge takes that
                    // side, already judged there; otherwise the merge's resolution drops it itself.
                    bool side_dropped = std::any_of(parents.begin(), parents.end(), [&](int p) {
                        if (facts(p).count(f)) return false;
                        auto by = dropped_by.find(f);
                        return by != dropped_by.end() && std::any_of(by->second.begin(), by->second.end(), [&](int d) {
                                   return ancestor(d, p) && std::none_of(parents.begin(), parents.end(), [&](int q) {
                                              return facts(q).count(f) && ancestor(d, q);
                                          });
                               });
                    });
                    if (!side_dropped) drops.insert(f);
                }
        }
        if (c == root_ || !e.added.empty() || !e.removed.empty() || !drops.empty() || commits_[c].endorses) {
            event_of_[c] = static_cast<int>(events_.size());
            for (const auto& f : e.removed) dropped_by[f].push_back(c);
            for (const auto& f : drops) dropped_by[f].push_back(c);
            if (!drops.empty()) merge_drops[c] = std::move(drops);
            events_.push_back(std::move(e));
        }
        set_ancestry(c);
    }


    // Each event judged, in topological order, by the trust in force at its parents.
    std::vector<bool> no_change(events_.size(), false);
    for (auto& e : events_) {
        if (e.commit == root_) {
            e.authorised = true;
        } else {
            const FactSet& trusted = before(e.commit);
            // What a merge's resolution dropped and was trusted is a removal like any other
            // (removals only lower trust: fail closed); a merge that changes nothing trusted is no event.
            if (auto drops = merge_drops.find(e.commit); drops != merge_drops.end()) {
                for (const auto& f : drops->second)
                    if (trusted.count(f)) e.removed.insert(f);
                if (e.added.empty() && e.removed.empty() && !commits_[e.commit].endorses) {
                    no_change[event_of_[e.commit]] = true;
                    continue;
                }
            }
            e.authorised = !trusted.empty() && judge_(e.commit, trusted);
            if (e.authorised && commits_[e.commit].endorses) {
                // The facts as they stand, pending unauthorised changes included.
                e.added = facts(e.commit);
                e.removed.clear();
                for (const auto& f : trusted)
                    if (!e.added.count(f)) e.removed.insert(f);
            } else if (e.authorised && key) {
                // A new value replaces the trusted one, even one the parent's tree no longer showed.
                std::set<std::string> keys;
                for (const auto& f : e.added)
                    if (std::string k = key(f); !k.empty()) keys.insert(k);
                for (const auto& f : trusted)
                    if (!e.added.count(f) && keys.count(key(f))) e.removed.insert(f);
            }
        }
        if (!e.authorised) continue;
        if (!e.removed.empty()) removals_.push_back(e.commit);
        for (const auto& f : e.added) adds_[f].push_back(e.commit);
        for (const auto& f : e.removed) removes_[f].push_back(e.commit);
    }
    std::vector<Event> events;
    for (size_t i = 0; i < events_.size(); ++i) {
        event_of_[events_[i].commit] = no_change[i] ? -1 : static_cast<int>(events.size());
        if (!no_change[i]) events.push_back(std::move(events_[i]));
    }
    events_ = std::move(events);
}

std::vector<int> TrustFold::events() const {
    std::vector<int> out;
    for (const auto& e : events_) out.push_back(e.commit);
    return out;
}

void TrustFold::set_ancestry(int c) {
    if (event_of_[c] >= 0 || c == root_ || commits_[c].tracked) bit_of_[c] = bits_++;
    std::vector<uint64_t> a((static_cast<size_t>(bits_) + 63) / 64, 0);
    for (int p : commits_[c].parents)
        for (size_t w = 0; w < ancestry_[p].size(); ++w) a[w] |= ancestry_[p][w];
    if (bit_of_[c] >= 0) a[bit_of_[c] / 64] |= uint64_t{1} << (bit_of_[c] % 64);
    ancestry_[c] = std::move(a);
}

bool TrustFold::ancestor(int a, int b) const {
    int bit = bit_of_[a];
    return bit >= 0 && static_cast<size_t>(bit / 64) < ancestry_[b].size() && (ancestry_[b][bit / 64] >> (bit % 64) & 1);
}

std::vector<int> TrustFold::concurrent_removals(int c, int horizon) const {
    std::vector<int> out;
    for (int r : removals_)
        if (r != c && ancestor(r, horizon) && !ancestor(r, c) && !ancestor(c, r)) out.push_back(r);
    return out;
}

bool TrustFold::effective(int c, int horizon) const {
    if (c == root_) return true;
    // What decides it: the removals concurrent with it that reach the horizon (those before it
    // are its own history).
    auto key = std::make_pair(c, concurrent_removals(c, horizon));
    if (key.second.empty()) return true;
    if (auto it = rejudged_.find(key); it != rejudged_.end()) return it->second;
    const FactSet trusted = trust(c, false, horizon);
    bool good = !trusted.empty() && judge_(c, trusted);
    rejudged_[key] = good;
    return good;
}

FactSet TrustFold::judged_with(int c, int view) const { return trust(c, false, view); }

bool TrustFold::overruled(int c, int view) const { return authorised(c) && !effective(c, view); }

FactSet TrustFold::trust(int c, bool inclusive, int horizon) const {
    FactSet out;
    // Removals that apply: authorised, reaching the horizon, and not made after `c` (after or
    // by `c` itself when its own change does not count yet).
    auto applies = [&](int r) { return ancestor(r, horizon) && !(inclusive ? r != c && ancestor(c, r) : ancestor(c, r)); };
    for (const auto& [fact, adds] : adds_) {
        auto removes = removes_.find(fact);
        for (int a : adds) {
            if (inclusive ? !ancestor(a, c) : a == c || !ancestor(a, c)) continue;
            // Every removal of the fact that applies must precede this addition.
            bool beaten = removes != removes_.end() &&
                          std::any_of(removes->second.begin(), removes->second.end(), [&](int r) { return applies(r) && !strictly_before(r, a); });
            if (!beaten && effective(a, horizon)) {
                out.insert(fact);
                break;
            }
        }
    }
    return out;
}

FactSet TrustFold::trust_at(int c) const { return trust(c, true, c); }

const FactSet& TrustFold::before(int c) const {
    auto it = before_.find(c);
    if (it == before_.end()) it = before_.emplace(c, trust(c, false, c)).first;
    return it->second;
}

}  // namespace vanban
