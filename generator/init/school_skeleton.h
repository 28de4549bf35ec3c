// What `vanban init` writes: the shipped skeleton of a school repository (templates/init/),
// its placeholders filled with the school's fields and the current school year.
#pragma once

#include <string>
#include <vector>

#include "model/school.h"  // known_level(), with which `vanban init` checks --cap-hoc
#include "text/dates.h"

namespace vanban {

// What the person running `vanban init` said about the school; empty when not given.
struct SchoolFields {
    std::string name;            // --ten "Trường THCS Bình Minh"
    std::string abbreviation;    // --viet-tat THCSBM
    std::string governing_body;  // --co-quan "ỦY BAN NHÂN DÂN XÃ BÌNH MINH"
    std::string place;           // --dia-danh "Bình Minh"
    std::string level;           // --cap-hoc THCS (else read from the name)
    std::string website;         // --website https://…
};

struct SkeletonFile {
    std::string path;     // relative to the new repository, '/'-separated
    std::string content;
};

// The school level (cap_hoc) written in a school's name ("Trường THCS …", "Trường Tiểu học …");
// empty when the name names none or more than one.
std::string level_from_name(const std::string& name);

// Every file of the skeleton in `skeleton_dir`, in path order, rendered for this school and
// year. A file whose path holds {{danh_muc}} is written once per category of the disclosure
// type (templates/types/cong-khai.yaml). The names the skeleton may use: ten, viet_tat, co_quan,
// dia_danh, cap_hoc, website (absent when not given; each also as *_yaml, quoted for YAML),
// nam_hoc, hom_nay, phien_ban, dia_chi_goi_deb (the released .deb); per category danh_muc,
// ten_danh_muc, ten_danh_muc_thuong. Values go in unescaped; a file that needs GitHub's own
// ${{ }} starts with {{=<% %>=}}. Throws std::runtime_error with a Vietnamese message
// when the skeleton cannot be read or a template is malformed.
std::vector<SkeletonFile> render_skeleton(const std::string& skeleton_dir, const std::string& templates_dir, const SchoolFields& school,
                                          const SchoolYear& year, const Date& today);

}  // namespace vanban
