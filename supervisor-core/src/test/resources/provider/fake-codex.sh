#!/usr/bin/env bash
# Plays `codex exec --json -`: reads the prompt on standard input, prints JSON lines of thread, turn and item events.
prompt=$(cat)
set -- $prompt
echo '{"type":"thread.started","thread_id":"0199a213-81c0-7800-8aa1-bbab2a035a53"}'
echo '{"type":"turn.started"}'
case "$1" in
  success*)
    echo '{"type":"item.completed","item":{"id":"item_0","type":"reasoning","text":"**Scanning the parser**"}}'
    echo '{"type":"item.completed","item":{"id":"item_1","type":"command_execution","command":"bash -lc ls","aggregated_output":"src\n","exit_code":0,"status":"completed"}}'
    echo '{"type":"item.completed","item":{"id":"item_2","type":"agent_message","text":"Refactored the parser into three functions."}}'
    echo '{"type":"turn.completed","usage":{"input_tokens":2400,"cached_input_tokens":1000,"output_tokens":310}}'
    ;;
  ratelimit)
    echo '{"type":"error","message":"exceeded retry limit, last status: 429 Too Many Requests"}'
    echo '{"type":"turn.failed","error":{"message":"exceeded retry limit, last status: 429 Too Many Requests"}}'
    exit 1
    ;;
  cut)
    echo '{"type":"item.started","item":{"id":"item_0","type":"agent_message","text":""}}'
    ;;
esac
