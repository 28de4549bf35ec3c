#!/usr/bin/env bash
# Runs the README's guide for a school (the ```sh blocks between <!-- guide:start --> and
# <!-- guide:end -->) exactly as written, in order, in one shell, as a new user on a fresh
# machine: an empty HOME, no vanban on PATH. What the test puts around the blocks, and why:
#  - `wget` of the release: the network is not used; the .deb that make_deb.sh built from this
#    tree is handed out instead (the address must be the release address of this version);
#  - `sudo` and `apt install ./vanban_…deb`: the tests run as root on a shared machine, where
#    installing into /usr would change it for every other test; `apt` here checks that every
#    package the .deb depends on is installed, as apt would resolve them, then `dpkg-deb -x`
#    extracts the package into a temporary root whose usr/bin is on PATH (vanban finds
#    usr/share/vanban beside itself, as it does under /usr);
#  - `nano`: stands for the person filling the new document's [[...]] places;
#  - `git push` to https://github.com/…: git's url.<bare>.insteadOf sends it to a local bare
#    repository, which is then checked;
#  - a block after <!-- guide:background URL --> (vanban serve) runs in the background until URL
#    answers, is fetched with curl, then stopped with Ctrl-C (SIGINT).
# Usage: readme_guide_test.sh DEB_DIR SOURCE_DIR VERSION RELEASES_URL
set -u
deb_dir=$(realpath -m "$1")
source=$(realpath -m "$2")
version=$3
releases_url=$4
deb="$deb_dir/vanban_${version}_amd64.deb"
[ -f "$deb" ] || { echo "FAIL: $deb was not made (see the test \"package: cpack -G DEB\")"; exit 1; }
for tool in curl ssh-keygen git dpkg-deb setsid; do
    # scripts/setup.sh installs them all: on CI a missing one is a failure, not a quiet skip.
    command -v "$tool" > /dev/null || { echo "SKIPPED: $tool is not installed"; [ -n "${CI:-}" ] && exit 1; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/shims" "$work/home" "$work/root" "$work/machine"

# The guide, cut into blocks: block-N.sh, and block-N.url for a background one.
awk -v dir="$work" '
    /<!-- guide:start -->/ { inside = 1; next }
    /<!-- guide:end -->/ { inside = 0; next }
    !inside { next }
    /^<!-- guide:background / { url = $3; next }
    /^```sh$/ && !code { code = 1; n++; file = dir "/block-" n ".sh"; printf "" > file
                         if (url != "") { print url > (dir "/block-" n ".url"); url = "" } next }
    /^```$/ && code { code = 0; close(file); next }
    code { print >> file }
' "$source/README.md"
blocks=$(ls "$work"/block-*.sh 2> /dev/null | wc -l)
[ "$blocks" -gt 0 ] || { echo "FAIL: no guide blocks in README.md"; exit 1; }
grep -qF "vanban_${version}_amd64.deb" "$source/README.md" ||
    { echo "FAIL: the guide does not install vanban_${version}_amd64.deb (the version of project() in CMakeLists.txt)"; exit 1; }

cat > "$work/shims/wget" <<SHIM
#!/bin/sh
# The release download, answered with the package built from this tree.
[ "\$1" = "$releases_url/v$version/vanban_${version}_amd64.deb" ] || { echo "wget (test): unexpected address \$1" >&2; exit 1; }
cp "$deb" "\$(basename "\$1")"
SHIM
cat > "$work/shims/sudo" <<'SHIM'
#!/bin/sh
# The tests run as root already.
exec "$@"
SHIM
cat > "$work/shims/apt" <<SHIM
#!/usr/bin/env bash
# apt install ./vanban_….deb: every dependency must be installed here (one of the alternatives),
# then the package is extracted into the test's root instead of /.
set -euo pipefail
[ "\$1" = install ] && [ \$# -eq 2 ] && [ -f "\$2" ] || { echo "apt (test): only 'apt install ./FILE.deb' is supported" >&2; exit 1; }
missing=0
while IFS= read -r alternatives; do
    found=0
    IFS='|' read -ra choices <<< "\$alternatives"
    for choice in "\${choices[@]}"; do
        name=\$(echo "\$choice" | sed 's/(.*//; s/ //g')
        if dpkg-query -W -f='\${Status}' "\$name" 2> /dev/null | grep -q "install ok installed"; then found=1; fi
    done
    [ \$found -eq 1 ] || { echo "apt (test): dependency not installed: \$alternatives" >&2; missing=1; }
done < <(dpkg-deb -f "\$2" Depends | tr ',' '\n' | sed 's/^ *//')
[ \$missing -eq 0 ]
dpkg-deb -x "\$2" "$work/root"
echo "vanban ${version} (test): extracted into $work/root"
SHIM
cat > "$work/shims/nano" <<'SHIM'
#!/bin/sh
# The person writing the plan: every [[...]] place gets real text.
for file in "$@"; do
    sed -i -e 's/\[\[Họ và tên người ký\]\]/Nguyễn Văn An/' \
           -e 's/\[\[Nơi nhận (để biết\/để thực hiện)\]\]/Các tổ chuyên môn (để thực hiện)/' \
           -e 's/^Căn cứ \[\[[^]]*\]\];/Căn cứ tình hình thực tế của nhà trường,/' \
           -e 's/\[\[trích yếu\]\]/phòng, chống đuối nước/' \
           -e 's/\[\[[^]]*\]\]/Nhà trường tổ chức cho học sinh học bơi và kỹ năng an toàn khi ở gần nước./g' "$file"
done
SHIM
chmod +x "$work/shims"/*

export HOME="$work/home"
export PATH="$work/shims:$work/root/usr/bin:$PATH"
export GIT_CONFIG_NOSYSTEM=1
unset VANBAN_TEMPLATES VANBAN_TRUST_ROOT CI GITHUB_ACTIONS GITLAB_CI TF_BUILD JENKINS_URL BUILDKITE CIRCLECI TRAVIS TEAMCITY_VERSION \
      XDG_CONFIG_HOME XDG_CACHE_HOME GIT_DIR GIT_WORK_TREE EDITOR VISUAL
# The school's GitHub repository the guide pushes to, as a local bare repository.
remote=$(cat "$work"/block-*.sh | grep -o 'https://github.com/[^ ]*\.git' | head -1)
[ -n "$remote" ] || { echo "FAIL: the guide sets no https://github.com/….git remote"; exit 1; }
pushed="$work/github/${remote#https://github.com/}"
git init -q --bare "$pushed"
git config --global url."$work/github/".insteadOf https://github.com/

# One shell for every block (a `cd` carries on), stopping at the first failing command.
{
    echo 'trap '\''echo "FAIL: block $guide_block of the guide stopped at: $BASH_COMMAND (exit $?)" >&2'\'' ERR'
    for n in $(seq 1 "$blocks"); do
        echo "guide_block=$n"
        printf 'echo %q\n' "== block $n: $(head -1 "$work/block-$n.sh")"
        if [ -f "$work/block-$n.url" ]; then
            echo "guide_background $n $(cat "$work/block-$n.url")"
        else
            cat "$work/block-$n.sh"
        fi
    done
} > "$work/guide.sh"
cat > "$work/run.sh" <<EOF
set -eE -o pipefail
guide_background() {  # N URL: block N in its own process group until URL answers, then Ctrl-C
    setsid bash -e "$work/block-\$1.sh" > "$work/background-\$1.log" 2>&1 &
    local pid=\$! answered=0
    for _ in \$(seq 1 150); do
        if curl -fsS -o "$work/background-\$1.html" "\$2" 2> /dev/null; then answered=1; break; fi
        kill -0 "\$pid" 2> /dev/null || break
        sleep 0.2
    done
    kill -INT -- -"\$pid" 2> /dev/null || true
    wait "\$pid" 2> /dev/null || true
    cat "$work/background-\$1.log"
    [ \$answered -eq 1 ] && grep -q "<html" "$work/background-\$1.html"
}
source "$work/guide.sh"
EOF
cd "$work/machine"
bash "$work/run.sh" 2>&1
status=$?
if [ $status -ne 0 ]; then echo "FAIL: the guide did not run through (exit $status)"; exit 1; fi

# What the guide promised: the installed vanban, the school's repository pushed with the signed
# approval of its first document.
failures=0
check() { if eval "$1"; then echo "ok: $2"; else echo "FAIL: $2"; failures=$((failures + 1)); fi; }
check '[ "$(command -v vanban)" = "$work/root/usr/bin/vanban" ]' "vanban ran from the extracted package"
check 'git --git-dir "$pushed" rev-parse -q --verify main > /dev/null' "main was pushed to the school's repository"
check 'git --git-dir "$pushed" log -1 --format=%B main | grep -q "^Phe-duyet: plans/"' "the last commit pushed approves the plan"
check '[ -n "$(git --git-dir "$pushed" cat-file commit main | grep "^gpgsig ")" ]' "the approval commit is signed"
check 'git --git-dir "$pushed" show main:vanban.yaml | grep -q "website: *\"\?https://"' "vanban.yaml has the website"
[ "$failures" -eq 0 ] || exit 1
echo "the README's guide runs as written"
