#!/usr/bin/env bash
# Benchmark: `vanban status` on a repository with many commits and documents.
# Usage: bench/status.sh [DOCUMENTS] [COMMITS] [APPROVALS]   (defaults: 1000 5000 200)
# Builds a repository from the shared corpus: COMMITS commits that edit documents (made
# with git fast-import), then APPROVALS signed approval commits (ed25519, half by each of
# two roles). Prints the time of `vanban status` cold (empty signature cache) and warm.
set -euo pipefail
cd "$(dirname "$0")/.."
generator=${VANBAN_CORPUS_GENERATOR:-../shared/bench/gen-corpus.py}
vanban=${VANBAN_BIN:-$PWD/build/vanban}
docs=${1:-1000}
commits=${2:-5000}
approvals=${3:-200}
work=/tmp/vanban-bench-status
rm -rf "$work"
mkdir -p "$work"
python3 "$generator" "$docs" --out "$work/repo" > /dev/null 2>&1
cd "$work"
for who in ht pht; do ssh-keygen -q -t ed25519 -N '' -C "$who" -f "$work/$who"; done
mkdir -p repo/.vanban
{ echo "ht@truong.vn namespaces=\"git\" $(cat ht.pub)"; echo "pht@truong.vn namespaces=\"git\" $(cat pht.pub)"; } > repo/.vanban/allowed_signers
cat >> repo/vanban.yaml <<'YAML'
phe_duyet:
  vai_tro:
    hieu-truong: [ht@truong.vn]
    pho-hieu-truong: [pht@truong.vn]
YAML
cd repo
git init -q
git add -A
git -c user.name=ht -c user.email=ht@truong.vn commit -q -m "Khởi tạo"
# COMMITS small edits, in one fast-import stream.
python3 - "$commits" <<'PY' | git fast-import --quiet
import os, sys
n = int(sys.argv[1])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk("plans") for f in fs)
parent = os.popen("git rev-parse HEAD").read().strip()
for i in range(n):
    path = files[i % len(files)]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text += "\nGhi chú sửa đổi lần %d.\n" % i
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    data = text.encode("utf-8")
    msg = ("Sửa kế hoạch %d" % i).encode("utf-8")
    out = sys.stdout.buffer
    out.write(b"commit refs/heads/bench\n")
    out.write(b"committer GV <gv@truong.vn> %d +0700\n" % (1700000000 + i * 60))
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    if i == 0:
        out.write(b"from %s\n" % parent.encode())
    out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))
PY
git checkout -q -f bench
files=($(git ls-files plans | awk -v n="$approvals" 'NR <= n'))
for ((i = 0; i < ${#files[@]}; i++)); do
    who=ht; role=hieu-truong
    if ((i % 2)); then who=pht; role=pho-hieu-truong; fi
    git -c user.name=$who -c user.email=$who@truong.vn -c gpg.format=ssh -c user.signingkey="$work/$who" \
        commit -q -S --allow-empty -m "Phê duyệt" --trailer "Phe-duyet: ${files[$i]}" --trailer "Vai-tro: $role"
done
echo "repository: $docs documents, $(git rev-list --count HEAD) commits, ${#files[@]} approvals"
export VANBAN_CACHE=$work/cache
t0=$(date +%s.%N); "$vanban" status > /dev/null; t1=$(date +%s.%N)
"$vanban" status > /dev/null; t2=$(date +%s.%N)
printf "vanban status cold (verifies every signature): %6.2f s\n" "$(echo "$t1 - $t0" | bc)"
printf "vanban status warm (signatures from the cache): %6.2f s\n" "$(echo "$t2 - $t1" | bc)"
