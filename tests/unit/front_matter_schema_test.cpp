// model/front_matter_schema: one table of keys for the loader and the front-matter rule.
#include <doctest/doctest.h>

#include <set>

#include "model/front_matter_schema.h"
#include "test_support.h"

using namespace vanban;
using vanban::test::kValidBody;
using vanban::test::make_repository;
using vanban::test::plan;
using vanban::test::run_rule;

TEST_CASE("the schema: each field once, each key once, a meaning in both languages, sub-keys for the map kinds") {
    std::set<std::string> keys;
    std::set<Field> fields;
    for (const auto& spec : front_matter_fields()) {
        CHECK(keys.insert(spec.key).second);
        CHECK(fields.insert(spec.field).second);
        CHECK(&field_spec(spec.field) == &spec);
        CHECK(find_field(spec.key) == &spec);
        CHECK_FALSE(spec.meaning.vi.empty());
        CHECK_FALSE(spec.meaning.en.empty());
        bool map = spec.kind == FieldKind::Signer || spec.kind == FieldKind::IssuingBody ||
                   spec.kind == FieldKind::SuperiorApproval;
        CHECK(map == !spec.parts.empty());
        for (const char* required : spec.required_parts)
            CHECK(std::find(spec.parts.begin(), spec.parts.end(), required) != spec.parts.end());
    }
    CHECK(fields.size() == static_cast<size_t>(Field::SuperiorApproval) + 1);
    CHECK(find_field("nguoi_ky_phu") == nullptr);
    CHECK(std::string(field_key(Field::Type)) == "loai");
    CHECK(field_spec(Field::Type).need == FieldNeed::Always);
}

TEST_CASE("every key the shipped types require or allow is in the schema") {
    Repository repo = make_repository({});
    REQUIRE_FALSE(repo.types.empty());
    for (const auto& id : repo.types.ids()) {
        const DocumentType& type = *repo.types.find(id);
        for (const auto* list : {&type.required_fields, &type.optional_fields})
            for (const auto& key : *list) {
                INFO(id, " ", key);
                CHECK(find_field(key) != nullptr);
            }
    }
}

TEST_CASE("the loader and the rule agree: a value the rule refuses is left empty by the loader") {
    struct Case {
        const char* front;  // replaces a line of the valid plan's front matter, or adds one
        const char* replaces;
        const char* line_fragment;  // what the rule names
    };
    const Case cases[] = {
        {"so: 0\n", "so: 12\n", "số nguyên dương"},
        {"noi_nhan: \"Lưu: VT.\"\n", nullptr, "danh sách"},
    };
    for (const auto& c : cases) {
        std::string text = plan(kValidBody);
        if (c.replaces) {
            size_t at = text.find(c.replaces);
            REQUIRE(at != std::string::npos);
            text.replace(at, std::string(c.replaces).size(), c.front);
        } else {
            size_t at = text.find("noi_nhan:");
            size_t end = text.find("---", at);
            text.replace(at, end - at, c.front);
        }
        INFO(text);
        Repository repo = make_repository({{"plans/2024-2025/a.md", text}});
        auto found = run_rule(repo, "front-matter");
        CHECK(std::any_of(found.begin(), found.end(), [&](const Diagnostic& d) {
            return d.severity == Severity::Error && d.message.vi.find(c.line_fragment) != std::string::npos;
        }));
        const Document& doc = repo.documents.front();
        CHECK_FALSE(doc.number == std::optional<int>(0));
        CHECK(doc.recipients.empty() == (std::string(c.front).rfind("noi_nhan", 0) == 0));
    }

    // kinh_gui is one line or a list: both are read; a list with an empty line is refused and not read.
    for (const char* addressees : {"kinh_gui: \"Các tổ chuyên môn\"\n", "kinh_gui:\n  - \"Các tổ chuyên môn\"\n"}) {
        std::string text = plan(kValidBody, addressees);
        Repository repo = make_repository({{"plans/2024-2025/a.md", text}});
        CHECK(repo.documents.front().addressees == std::vector<std::string>{"Các tổ chuyên môn"});
    }
    Repository empty_line =
        make_repository({{"plans/2024-2025/a.md", plan(kValidBody, "kinh_gui:\n  - \"Các tổ\"\n  - \"\"\n")}});
    CHECK(empty_line.documents.front().addressees.empty());
}

TEST_CASE("a map field written as a line is not read as one: co_quan_ban_hanh as text leaves the school the issuer") {
    std::string text = plan(kValidBody, "co_quan_ban_hanh: \"SỞ GIÁO DỤC VÀ ĐÀO TẠO\"\nduyet_cap_tren: \"PHÒNG\"\n");
    Repository repo = make_repository({{"plans/2024-2025/a.md", text}});
    const Document& doc = repo.documents.front();
    CHECK_FALSE(doc.issuing_body.has_value());
    CHECK_FALSE(doc.issued_elsewhere());
    CHECK_FALSE(doc.superior_approval.has_value());
    auto found = run_rule(repo, "front-matter");
    CHECK(std::any_of(found.begin(), found.end(),
                      [](const Diagnostic& d) { return d.message.vi.find("co_quan_ban_hanh") != std::string::npos; }));
}
