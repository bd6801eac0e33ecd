# Sourced, from the repository's root, by the client checks (scripts/typescript.sh,
# scripts/check-progenitor.sh): makes a temporary directory `work` (removed on exit, with
# the service if it was started), builds errcat and examples/axum-service and sets
# `target_dir` and `errcat`. `start_service` starts the service as
# examples/client/cases.json says (its keys, rate and body limits) on a free port, sets
# `server` (its pid) and `url`, and writes its log to "$work/server.log".
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

cargo build -q -p errcat-cli -p axum-service
target_dir=$(cargo metadata -q --format-version 1 --no-deps \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
errcat="$target_dir/debug/errcat"

start_service() {
  local key_list rate body_limit log
  key_list=$(python3 -c 'import json; n=json.load(open("examples/client/cases.json"))["keys"]; print(",".join(f"key-{i}" for i in range(n)))')
  read -r rate body_limit < <(python3 -c 'import json; c=json.load(open("examples/client/cases.json")); print(c["rate_limit"], c["body_limit"])')
  log="$work/server.log"
  RECEIVABLES_ADDR=127.0.0.1:0 RECEIVABLES_API_KEYS="$key_list" RECEIVABLES_RATE_LIMIT="$rate" \
    RECEIVABLES_BODY_LIMIT="$body_limit" "$target_dir/debug/axum-service" >"$log" 2>&1 &
  server=$!
  url=""
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^listening on //p' "$log")
    [ -n "$url" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$log"; echo "the server exited" >&2; return 1; }
    sleep 0.1
  done
  cat "$log"
  echo "the server did not start" >&2
  return 1
}
