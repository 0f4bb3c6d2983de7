# shellcheck shell=bash
# Tool checks and installs for scripts/*: .NET SDK, Node.js/npm, the npm tools of scripts/tools
# (buf), and Chromium for browser tests. Sourced, not executed; needs lib/common.sh.
# As root missing Debian packages are installed; otherwise the error says what to install.

BILAN_TOOLS_DIR="$BILAN_ROOT/scripts/tools"
BUF="${BUF:-}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The .NET 10 SDK is not in Debian's archive, so it is never installed here: it must be on PATH.
ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || die "dotnet not found on PATH: install the .NET 10 SDK (Microsoft's packages or its dotnet-install script) and put dotnet on PATH"
  dotnet --list-sdks 2>/dev/null | grep -q '^10\.' \
    || die "the .NET 10 SDK is required; dotnet --list-sdks shows: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')"
}

ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then return 0; fi
  is_root || die "node and npm are required: sudo apt-get install nodejs npm"
  apt_install nodejs npm
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    || die "node/npm still missing after apt-get install nodejs npm"
}

# Installs scripts/tools/package.json into scripts/tools/node_modules (npm ci from the committed
# lock), unless already done for this lock. Sets BUF to the buf binary.
ensure_npm_tools() {
  ensure_node
  local stamp="$BILAN_TOOLS_DIR/node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || "$BILAN_TOOLS_DIR/package-lock.json" -nt "$stamp" \
        || "$BILAN_TOOLS_DIR/package.json" -nt "$stamp" ]]; then
    log "installing npm tools in scripts/tools (buf, grpc-js)"
    if [[ -f "$BILAN_TOOLS_DIR/package-lock.json" ]]; then
      (cd "$BILAN_TOOLS_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2) \
        || die "npm ci failed in scripts/tools"
    else
      (cd "$BILAN_TOOLS_DIR" && npm install --no-audit --no-fund --loglevel=error >&2) \
        || die "npm install failed in scripts/tools"
    fi
  fi
  # Prefer the native binary of the platform package: the bin/buf wrapper is a Node script that
  # only spawns it.
  local native
  native="$(ls "$BILAN_TOOLS_DIR"/node_modules/@bufbuild/buf-*/bin/buf 2>/dev/null | head -n 1 || true)"
  if [[ -n "$native" && -x "$native" ]]; then
    BUF="$native"
  else
    BUF="$BILAN_TOOLS_DIR/node_modules/.bin/buf"
  fi
  "$BUF" --version >/dev/null 2>&1 || die "buf does not run: $BUF (delete scripts/tools/node_modules and retry)"
  export BUF
}

# Browser tests drive Debian's Chromium (never a downloaded browser): install it when a test
# project references Playwright.
ensure_chromium_if_needed() {
  if ! grep -rqs --include='*.csproj' --include='*.props' 'Microsoft.Playwright' \
         "$BILAN_ROOT/tests" "$BILAN_ROOT/Directory.Packages.props"; then
    return 0
  fi
  [[ -x /usr/bin/chromium ]] && return 0
  if is_root; then
    apt_install chromium fonts-liberation
  else
    warn "browser tests need /usr/bin/chromium: sudo apt-get install chromium"
  fi
}
