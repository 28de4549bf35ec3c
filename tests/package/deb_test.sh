#!/usr/bin/env bash
# The .deb made by `cpack -G DEB` (make_deb.sh): its Depends field names the package of every
# library vanban links and the programs it runs, its files are vanban, all of templates/ and
# Debian's copyright and changelog, and the vanban extracted from
# it (`dpkg-deb -x` into a temporary root, no VANBAN_TEMPLATES) uses the templates shipped beside
# it: a marker put into the extracted share/vanban/templates/site/style.css comes out in the site
# it builds.
# Usage: deb_test.sh DEB_DIR SOURCE_DIR VERSION
set -u
deb_dir=$1
source=$2
version=$3
deb="$deb_dir/vanban_${version}_amd64.deb"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
ok() { echo "ok: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }
expect() { if eval "$1"; then ok "$2"; else fail "$2"; fi; }

if [ -f "$deb_dir/SKIPPED" ]; then echo "SKIPPED: no package was made: $(cat "$deb_dir/SKIPPED")"; exit 77; fi
[ -f "$deb" ] || { echo "FAIL: $deb was not made (see the test \"package: cpack -G DEB\")"; exit 1; }

# Depends: every library the binary links, through the package that holds it; and the programs.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
has_depend() { printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//; s/ *(.*//' | grep -qxF "$1"; }
dpkg-deb -x "$deb" "$work/root"
vanban="$work/root/usr/bin/vanban"
# The libraries vanban itself names (NEEDED); theirs come with their packages.
needed=$(readelf -d "$vanban" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "readelf found no NEEDED library in $vanban"
for name in $needed; do
    library=$(ldd "$vanban" | awk -v n="$name" '$1 == n {print $3}')
    [ -n "$library" ] || { fail "ldd does not find $name"; continue; }
    # Debian 12 merged /lib into /usr/lib: dpkg knows one of the two paths.
    real=$(readlink -f "$library")
    package=""
    for path in "$library" "$real" "${real#/usr}" "/usr$library"; do
        package=$(dpkg -S "$path" 2> /dev/null) && break
    done
    package=${package%%:*}
    if [ -z "$package" ]; then fail "no Debian package holds $library"; continue; fi
    has_depend "$package" && ok "Depends has $package ($name)" || fail "Depends lacks $package (for $name)"
done
# The programs vanban runs, which dpkg-shlibdeps cannot see.
for program in pandoc weasyprint fonts-liberation2 git openssh-client gnupg ca-certificates; do
    has_depend "$program" && ok "Depends has $program" || fail "Depends lacks $program"
done
expect '[ "$(dpkg-deb -f "$deb" Package)" = vanban ] && [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] &&
        [ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ]' "package vanban, version $version, amd64"
expect 'dpkg-deb -f "$deb" Description | grep -q "văn bản nhà trường" && dpkg-deb -f "$deb" Description | grep -q "school"' \
    "description in Vietnamese and English"
expect '[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] && [ -n "$(dpkg-deb -f "$deb" Section)" ]' "maintainer and section"

# Files: /usr/bin/vanban, stripped, and every file of the source templates/ (templates/init/ too
# once it exists) under /usr/share/vanban/templates/, with nothing else.
expect '[ -x "$vanban" ]' "usr/bin/vanban is in the package"
expect '! readelf -S "$vanban" | grep -q "\.debug_info"' "usr/bin/vanban is stripped"
(cd "$source/templates" && find . -type f | sort) > "$work/source-files"
(cd "$work/root/usr/share/vanban/templates" && find . -type f | sort) > "$work/package-files"
expect 'diff "$work/source-files" "$work/package-files"' "usr/share/vanban/templates holds exactly the source templates/"
expect '[ "$(cd "$work/root" && find . -type f | grep -v "^./usr/share/vanban/templates/" | sort | tr "\n" " ")" = \
         "./usr/bin/vanban ./usr/share/doc/vanban/changelog.gz ./usr/share/doc/vanban/copyright " ]' "no other files"

# Debian's documentation files: the copyright names the project and where it comes from; the changelog is this version's.
doc="$work/root/usr/share/doc/vanban"
expect 'grep -q "^Upstream: https://github.com/vanban-vn/vanban$" "$doc/copyright"' "usr/share/doc/vanban/copyright names the upstream"
expect 'gzip -dc "$doc/changelog.gz" | head -1 | grep -qF "vanban ($version)"' "usr/share/doc/vanban/changelog.gz is of version $version"

# The extracted vanban, run from its temporary root, finds its templates beside itself.
export HOME="$work/home"
mkdir -p "$HOME"
unset VANBAN_TEMPLATES
expect '[ "$("$vanban" --version)" = "vanban $version" ]' "vanban --version prints vanban $version"
marker="vanban-deb-test-marker-$$"
echo "/* $marker */" >> "$work/root/usr/share/vanban/templates/site/style.css"
run() {  # run NAME COMMAND...: the command's output goes to $work/NAME.log, shown when it fails
    local name=$1; shift
    if "$@" > "$work/$name.log" 2>&1; then ok "vanban $name"; else fail "vanban $name:"; cat "$work/$name.log"; fi
}
school="$work/truong-thu"
# A fresh school repository, made by the extracted vanban from its own skeleton.
run init "$vanban" init "$school" --ten "Trường THCS Thử Nghiệm" --viet-tat THCSTN \
    --co-quan "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM" --dia-danh "Thử Nghiệm" --today 2026-11-23
expect '[ -f "$school/.github/workflows/kiem-tra.yml" ] && [ -d "$school/.git" ]' "init wrote the workflows and the git repository"
run check "$vanban" check --root "$school" --today 2026-11-23
expect '! grep -q "ghi chú" "$work/check.log"' "check notes no override (the school has no templates/)"
run build "$vanban" build --root "$school" --cache "$work/cache"
expect 'grep -rqF "$marker" "$school/site" --include=style.css' "the site uses the extracted share/vanban/templates"
expect '[ -n "$(find "$school/site" -name "*.pdf" | head -1)" ]' "the site has PDFs"

if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all package checks passed"
