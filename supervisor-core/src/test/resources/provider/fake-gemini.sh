#!/usr/bin/env bash
# Plays `gemini -p PROMPT --output-format json`: behaves by the prompt's first word.
set -- $2
case "$1" in
  success)
    printf '{"response":"Added the missing test for the date parser.","stats":{"models":{"gemini-2.5-pro":{"api":{"totalRequests":2,"totalErrors":0,"totalLatencyMs":5053},"tokens":{"prompt":1800,"candidates":220,"total":2100,"cached":900,"thoughts":80,"tool":0}}},"tools":{"totalCalls":1,"totalSuccess":1,"totalFail":0,"totalDurationMs":1881},"files":{"totalLinesAdded":12,"totalLinesRemoved":0}}}\n'
    ;;
  quota)
    printf '{"error":{"type":"ApiError","message":"Resource has been exhausted (e.g. check quota). RESOURCE_EXHAUSTED","code":429}}\n'
    exit 1
    ;;
  badinput)
    echo "Error: invalid value for --approval-mode" >&2
    exit 42
    ;;
  turns)
    exit 53
    ;;
esac
