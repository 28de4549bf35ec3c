// A long-lived WeasyPrint: one Python process that imports WeasyPrint, parses the style sheet
// and loads the fonts once, then prints one document after another, read from a pipe. Starting
// WeasyPrint costs more than laying out a six-page plan, and a document with appendices needed
// one start per part plus pdfunite; a worker pays it once per job.
//
// Each document keeps the limits a process of its own had: vanban waits for its answer until
// the document's deadline, and a worker that passes it, runs out of memory (RLIMIT_AS on the
// worker) or crashes is killed and replaced by a new one for the next document. What the worker
// may open is named in each request; its URL fetcher refuses everything else.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "support/process.h"

namespace vanban {

// The worker's Python program (embedded, so an installed vanban needs no extra file).
extern const char* const kWeasyPrintWorkerSource;

// How to start a worker: the interpreter's command line (the program's own "-c SOURCE" is added).
struct WorkerCommand {
    std::vector<std::string> interpreter;  // empty: WeasyPrint is not installed (start_error says why)
    std::string start_error;
    size_t memory_mb = 0;  // RLIMIT_AS of the worker, 0: none
};

// The Python that runs the `weasyprint` program (its #! line, e.g. /usr/bin/python3): the worker
// imports the WeasyPrint that program would run. VANBAN_PYTHON names another interpreter.
WorkerCommand weasyprint_worker_command(const std::string& weasyprint_program, size_t memory_mb);

class WeasyPrintWorker {
public:
    WeasyPrintWorker(WorkerCommand command, std::string stylesheet);
    ~WeasyPrintWorker();
    WeasyPrintWorker(const WeasyPrintWorker&) = delete;
    WeasyPrintWorker& operator=(const WeasyPrintWorker&) = delete;

    // Sends one request (JSON text) and waits for its answer until `deadline`, starting the
    // worker first if it is not running. The result reads like a program's run: started, out
    // (the answer), err (what the worker wrote on stderr meanwhile), timed_out, exit_code 0 when
    // an answer came; signal and exit code of a worker that died. A worker that gave no answer
    // is stopped; the next call starts a new one.
    ProcessResult call(const std::string& request, std::chrono::steady_clock::time_point deadline);

private:
    bool start(ProcessResult& result);
    void stop();
    bool exchange(const std::string& message, std::chrono::steady_clock::time_point deadline, ProcessResult& result);

    WorkerCommand command_;
    std::string stylesheet_;
    pid_t pid_ = -1;
    int to_worker_ = -1, from_worker_ = -1, worker_errors_ = -1;
};

}  // namespace vanban
