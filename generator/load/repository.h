// Loads a vanban repository: vanban.yaml (the school), the document types and citation
// words under templates/, and every Markdown document under plans/ and content/.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "load/source_tree.h"
#include "model/approval_config.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "model/document_type.h"
#include "model/school.h"
#include "text/citation.h"

namespace vanban {

// A problem that stops vanban before any check can run (no vanban.yaml, unreadable root).
struct LoadError : std::runtime_error {
    LoadError(const std::string& vi, std::string english) : std::runtime_error(vi), en(std::move(english)) {}
    std::string en;
};

// Where templates come from: the school's own templates/ first, then vanban's defaults.
// A file of the school's folder is used only when no symbolic link leads to it (a linked
// template is reported by the loader, and vanban's own one is used instead); it is read through
// the repository's SourceTree, vanban's own ones from disk.
class TemplateSearchPath {
public:
    TemplateSearchPath() = default;
    explicit TemplateSearchPath(std::vector<std::string> dirs) : dirs_(std::move(dirs)) {}
    // `repository_root`/templates first, then `dirs`.
    TemplateSearchPath(const std::string& repository_root, std::vector<std::string> dirs);
    // templates/ of `repository` first, then `dirs`.
    TemplateSearchPath(std::shared_ptr<const SourceTree> repository, std::vector<std::string> dirs);
    // The first existing file at `relative` in the search path; empty if none.
    std::string find(const std::string& relative) const;
    // Every file ending in `extension` in `relative` directories, the first directory winning on name clashes.
    std::vector<std::string> list(const std::string& relative, const std::string& extension) const;
    // The bytes of a file find() or list() gave; throws std::runtime_error in Vietnamese.
    std::string read(const std::string& found) const;
    const std::vector<std::string>& dirs() const { return dirs_; }
    // The folders, for a message that nothing was found: "a/templates, /usr/share/vanban/templates".
    std::string looked_in() const;

private:
    bool usable(size_t dir, const std::string& relative) const;

    std::vector<std::string> dirs_;
    std::shared_ptr<const SourceTree> repository_;  // set when dirs_[0] is the school's templates/
};

// vanban's own templates (document types, site, PDF and Word layouts, citation words, the skeleton
// of `vanban init`): $VANBAN_TEMPLATES, else <executable's folder>/../share/vanban/templates when it
// exists (an installed vanban), else, for the vanban of the build tree only, the templates/ folder
// it was built from; else the share/vanban path, missing (the messages say where vanban looked).
std::string default_templates_dir();
// The rule of default_templates_dir(), given its inputs (`environment` may be null, `executable`
// empty when unknown): `build_dir` is the build tree whose executables use `source_templates`.
std::string find_templates_dir(const char* environment, const std::string& executable, const std::string& source_templates,
                               const std::string& build_dir);

struct Repository {
    std::string root;
    std::shared_ptr<const SourceTree> source;  // the school's files (a DiskTree of root unless handed one)
    School school;
    ApprovalConfig approval;
    DocumentTypes types;
    CitationScanner citations{{}};
    TemplateSearchPath templates;
    std::vector<std::string> document_paths;  // every Markdown document found, sorted (loaded or not)
    std::vector<Document> documents;  // sorted by path; empty after load_repository_index
    std::vector<std::string> attachments;  // the other published files the site copies (load/published_files.h), sorted
    std::vector<Diagnostic> problems;  // in vanban.yaml and templates/, found while loading

    const Document* find(const std::string& path) const;
};

Repository load_repository(const std::string& root, unsigned jobs = 0);

// The repository without its documents: vanban.yaml, the types, the citation words, the templates,
// the paths of the documents and attachments, and the problems found so far, all read through
// `source` (the first: a DiskTree of `root`). The build reads each document afterwards, one at a
// time (load_one).
Repository load_repository_index(const std::string& root);
Repository load_repository_index(std::shared_ptr<const SourceTree> source);

// The document types of templates/types/*.yaml along `templates`, the first file of a loai
// winning; what is wrong with a file goes to `problems`, named relative to `root`. Empty when
// there is none: the caller says where it looked (TemplateSearchPath::looked_in).
DocumentTypes load_document_types(const TemplateSearchPath& templates, const std::string& root, std::vector<Diagnostic>& problems);

// One document of the repository (`path` relative to `root`) read and loaded; when it cannot be
// (I/O, not a regular file, a failure of the loader), the `unreadable` diagnostic instead, so
// that no single file stops the school. Used by load_repository and by the preview's reload.
std::variant<Document, Diagnostic> load_one(const SourceTree& source, const std::string& path,
                                            const DocumentTypes& types, const School& school);
std::variant<Document, Diagnostic> load_one(const std::string& root, const std::string& path, const DocumentTypes& types,
                                            const School& school);

// Pieces of the loader, exposed for the unit tests.
School load_school(const std::string& path, const YAML::Node& root, std::vector<Diagnostic>& problems);
// truong.co_quan_chu_quan (a name, or the history of bodies with tu_ngay); places default to `default_place`.
std::vector<GoverningBody> load_governing_bodies(const std::string& path, const YAML::Node& node, const std::string& default_place,
                                                 std::vector<Diagnostic>& problems);
DocumentType load_document_type(const std::string& path, const YAML::Node& root, std::vector<Diagnostic>& problems);
// The phe_duyet: section of vanban.yaml (also read from past versions of the file).
ApprovalConfig load_approval_config(const std::string& path, const YAML::Node& root, std::vector<Diagnostic>& problems);
std::vector<CitationTypeWord> load_citation_types(const std::string& path, const YAML::Node& root,
                                                  std::vector<Diagnostic>& problems);

}  // namespace vanban
