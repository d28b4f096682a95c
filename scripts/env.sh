# Sourced by the scripts: the tools setup.sh installed, first on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# No network: trunk must not look for updates or download tools.
export TRUNK_SKIP_VERSION_CHECK=true
