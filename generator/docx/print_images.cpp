#include "docx/print_images.h"

#include <nlohmann/json.hpp>

#include "load/published_files.h"
#include "text/url.h"

using nlohmann::json;

namespace vanban {

namespace {

json text(const std::string& s) { return {{"t", "Str"}, {"c", s}}; }

void replace_images(json& node, const std::string& root, const std::string& doc_path, bool in_link);

// What an image that stays out of the file leaves in its place (its alt text may hold images too).
void words_for(const json& image, const std::string& root, const std::string& doc_path, bool in_link, json& out) {
    json alt = image["c"][1];
    replace_images(alt, root, doc_path, in_link);
    std::string url = image["c"][2][0].get<std::string>();
    for (const auto& in : alt) out.push_back(in);
    if (url_scheme(url).empty() || !url_allowed(url)) return;
    json address = in_link ? text(url) : json{{"t", "Link"}, {"c", {{"", json::array(), json::array()}, {text(url)}, {url, ""}}}};
    if (alt.empty()) {
        out.push_back(std::move(address));
        return;
    }
    out.push_back({{"t", "Space"}});
    out.push_back(text("("));
    out.push_back(std::move(address));
    out.push_back(text(")"));
}

void replace_images(json& node, const std::string& root, const std::string& doc_path, bool in_link) {
    if (node.is_array()) {
        json kept = json::array();
        for (auto& child : node) {
            std::string t = child.is_object() ? child.value("t", "") : std::string();
            if (t == "Image" && !printable_image_for_url(root, doc_path, child["c"][2][0].get<std::string>())) {
                words_for(child, root, doc_path, in_link, kept);
                continue;
            }
            replace_images(child, root, doc_path, in_link || t == "Link");
            kept.push_back(std::move(child));
        }
        node = std::move(kept);
    } else if (node.is_object()) {
        for (auto& [key, value] : node.items()) replace_images(value, root, doc_path, in_link);
    }
}

}  // namespace

void keep_printable_images(json& tree, const std::string& root, const std::string& doc_path) { replace_images(tree, root, doc_path, false); }

}  // namespace vanban
