#!/usr/bin/env bash
# For a pull request's job summary: `vanban diff` of every document the branch added,
# changed, renamed or deleted, against the target branch.
# Usage: scripts/ci-diff-summary.sh BASE_REF  (e.g. origin/main)
set -euo pipefail
base=$1
vanban=${VANBAN_BIN:-./build/vanban}
echo "## Văn bản thay đổi so với ${base#origin/}"
found=0
# NUL-separated, unquoted names: Vietnamese file names and spaces come through as they are.
while IFS= read -r -d '' status && IFS= read -r -d '' file; do
    old=$file
    if [[ $status == R* ]]; then old=$file; IFS= read -r -d '' file; fi
    case $file in *.md) ;; *) continue ;; esac
    found=1
    echo
    echo "### \`$file\`"
    echo
    echo '```'
    case $status in
        A) echo "(văn bản mới)" ;;
        D) echo "(văn bản bị xóa)" ;;
        *) "$vanban" diff "$base:$old" "$file" || true ;;
    esac
    echo '```'
done < <(git -c core.quotePath=false diff -z --name-status --diff-filter=AMRD "$base"...HEAD -- plans content)
if [ "$found" -eq 0 ]; then echo "Không có văn bản nào thay đổi."; fi
