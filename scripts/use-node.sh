# Puts a private copy of the Node.js that Descent needs first on PATH, for
# this shell only. Source it (do not run it):
#
#   source scripts/use-node.sh        # the version in .node-version (Node 24)
#   source scripts/use-node.sh 26.12.1
#
# Why: the machines that build Descent may have an older system Node, and npm
# may be set to build native addons (isolated-vm, better-sqlite3) against that
# Node's headers (`npm config get nodedir`). The official build ships on the
# npm registry as node-<os>-<arch>, with `bin/node` and `include/node`, so this
# needs nothing but npm. Each version is unpacked once into .cache/node/
# (git-ignored); later calls reuse it without touching the network.

_descent_use_node() {
  local root version os arch dir tmp
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  version="${1:-$(tr -d ' \nv' <"$root/.node-version")}"
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "use-node: no Node.js package for $(uname -s); install Node.js $version from https://nodejs.org" >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "use-node: no Node.js package for $(uname -m); install Node.js $version from https://nodejs.org" >&2; return 1 ;;
  esac
  dir="$root/.cache/node/$version"

  if [ ! -x "$dir/bin/node" ]; then
    echo "use-node: fetching node-$os-$arch@$version from the npm registry into .cache/node/" >&2
    tmp="$(mktemp -d)"
    # Unpack next to the final folder and rename, so an interrupted fetch
    # never leaves a half-unpacked Node behind.
    if ! (cd "$tmp" && npm pack --silent "node-$os-$arch@$version" >/dev/null) ||
      ! mkdir -p "$dir.partial" ||
      ! tar xzf "$tmp"/node-*.tgz -C "$dir.partial" --strip-components=1; then
      rm -rf "$tmp" "$dir.partial"
      echo "use-node: could not fetch node-$os-$arch@$version" >&2
      return 1
    fi
    rm -rf "$tmp" "$dir"
    mv "$dir.partial" "$dir"
  fi

  export PATH="$dir/bin:$PATH"
  # node-gyp builds native addons against these headers, not the system's.
  export npm_config_nodedir="$dir"
  echo "use-node: $(node --version) from .cache/node/$version (npm $(npm --version))" >&2
}

_descent_use_node "$@"
