// Runs a job for every index in [0, count) on a few threads; each thread is a "worker"
// numbered from 0, so callers can keep per-worker state without locks.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

#include "support/interrupt.h"

namespace vanban {

inline unsigned worker_count(unsigned requested, size_t items) {
    unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(n, items)));
}

// fn(index, worker). The first exception thrown by any job is rethrown after all threads stop.
template <typename Fn>
void parallel_for(size_t count, unsigned workers, Fn fn) {
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::atomic<bool> failed{false};
    auto run = [&](unsigned worker) {
        for (size_t i = next++; i < count && !failed; i = next++) {
            try {
                throw_if_interrupted();
                fn(i, worker);
            } catch (...) {
                if (!failed.exchange(true)) failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
    run(0);
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    throw_if_interrupted();
}

}  // namespace vanban
