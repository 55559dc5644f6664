#!/usr/bin/env bash
# Plays `claude -p --output-format json`: reads the prompt on standard input and behaves by its first word.
prompt=$(cat)
set -- $prompt
case "$1" in
  success*)
    printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1234,"duration_api_ms":1100,"num_turns":2,"result":"Fixed the null check in %s","session_id":"0b7c","total_cost_usd":0.0421,"usage":{"input_tokens":1200,"cache_creation_input_tokens":300,"cache_read_input_tokens":500,"output_tokens":450},"modelUsage":{"claude-sonnet-4-5":{"inputTokens":1200,"outputTokens":450}}}\n' "$(pwd)"
    ;;
  ratelimit)
    printf '{"type":"result","subtype":"success","is_error":true,"duration_ms":80,"num_turns":1,"result":"API Error: 429 rate_limit_error: Number of request tokens has exceeded your per-minute rate limit","session_id":"0b7d","total_cost_usd":0,"usage":{"input_tokens":0,"output_tokens":0}}\n'
    exit 1
    ;;
  toolong)
    printf '{"type":"result","subtype":"success","is_error":true,"result":"Prompt is too long","usage":{"input_tokens":0,"output_tokens":0}}\n'
    exit 1
    ;;
  maxturns)
    printf '{"type":"result","subtype":"error_max_turns","is_error":false,"num_turns":3,"usage":{"input_tokens":900,"output_tokens":40}}\n'
    ;;
  crash)
    echo "TypeError: Cannot read properties of undefined (reading 'map')" >&2
    exit 3
    ;;
  leak)
    echo "auth failed for key $FAKE_TOKEN" >&2
    exit 1
    ;;
  noresult)
    printf '{"type":"result","subtype":"success","is_error":false,"usage":{"input_tokens":5,"output_tokens":0}}\n'
    ;;
  garbage)
    echo "this is not json"
    ;;
  hang)
    while :; do sleep 1; done
    ;;
  huge)
    head -c 5000000 /dev/zero | tr '\0' 'x'
    ;;
  orphan)
    # a child that outlives its parent and keeps its output open
    sleep 600 &
    echo $! > "$2"
    printf '{"type":"result","subtype":"success","is_error":false,"result":"done","total_cost_usd":0.001,"usage":{"input_tokens":10,"output_tokens":5}}\n'
    ;;
  env)
    names=$(env | cut -d= -f1 | sort | tr '\n' ' ')
    printf '{"type":"result","subtype":"success","is_error":false,"result":"%s| token=%s","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1}}\n' "$names" "${FAKE_TOKEN:-unset}"
    ;;
esac
