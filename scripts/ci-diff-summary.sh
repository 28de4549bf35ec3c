#!/usr/bin/env bash
# For a pull request's job summary: `vanban diff` of every document the branch changed,
# against the target branch. Usage: scripts/ci-diff-summary.sh BASE_REF  (e.g. origin/main)
set -euo pipefail
base=$1
vanban=${VANBAN_BIN:-./build/vanban}
changed=$(git diff --name-only --diff-filter=AM "$base"...HEAD -- plans content | grep '\.md$' || true)
echo "## Văn bản thay đổi so với ${base#origin/}"
if [ -z "$changed" ]; then
    echo "Không có văn bản nào thay đổi."
    exit 0
fi
while read -r file; do
    echo
    echo "### \`$file\`"
    echo
    echo '```'
    if git cat-file -e "$base:$file" 2>/dev/null; then
        "$vanban" diff "$base:$file" "$file" || true
    else
        echo "(văn bản mới)"
    fi
    echo '```'
done <<< "$changed"
