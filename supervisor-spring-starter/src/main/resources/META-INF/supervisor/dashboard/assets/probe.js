// Event-to-screen latency of live events: the time from an event's timestamp (set by the engine when it made the
// transition) to the moment the page finished updating the DOM for it. Kept in a bounded ring, read by load tests
// through window.supervisorDashboard.latencies().
const CAPACITY = 10000;
const samples = new Float64Array(CAPACITY);
let count = 0;

export function recordLatency(eventMillis) {
  if (!Number.isFinite(eventMillis)) return;
  samples[count % CAPACITY] = Date.now() - eventMillis;
  count++;
}

window.supervisorDashboard = Object.freeze({
  latencies() {
    return Array.from(samples.subarray(0, Math.min(count, CAPACITY)));
  },
  latencyCount() {
    return count;
  },
});
