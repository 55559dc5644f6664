// Formats times and durations for people, and reads the ISO-8601 forms the API writes.

/** Milliseconds of an ISO-8601 duration such as PT1.5S or PT2H3M (days included); null when absent. */
export function durationMillis(text) {
  if (!text) return null;
  const m = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/
    .exec(text);
  if (!m) return null;
  const [, neg, d, hh, mm, ss] = m;
  const ms = ((+d || 0) * 86400 + (+hh || 0) * 3600 + (+mm || 0) * 60 + (+ss || 0)) * 1000;
  return neg ? -ms : ms;
}

/** Epoch milliseconds of an ISO-8601 instant, keeping a sub-millisecond fraction; NaN when absent. */
export function instantMillis(text) {
  if (!text) return NaN;
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(text);
  if (!m) return Date.parse(text);
  return Date.parse(m[1] + 'Z') + (m[2] ? Number('0.' + m[2]) * 1000 : 0);
}

/** "850 ms", "4.2 s", "3 min 20 s", "2 h 5 min". */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  if (ms < 1000) return Math.round(ms) + ' ms';
  if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 1 : 0) + ' s';
  const s = Math.round(ms / 1000);
  if (s < 3600) return Math.floor(s / 60) + ' min' + (s % 60 ? ' ' + (s % 60) + ' s' : '');
  const m = Math.round(s / 60);
  if (m < 1440) return Math.floor(m / 60) + ' h' + (m % 60 ? ' ' + (m % 60) + ' min' : '');
  return Math.floor(m / 1440) + ' d ' + Math.floor((m % 1440) / 60) + ' h';
}

/** Local date and time of an instant, to the second. */
export function time(text) {
  if (!text) return '–';
  const d = new Date(instantMillis(text));
  return Number.isNaN(d.getTime()) ? String(text) : d.toLocaleString(undefined, {year: 'numeric', month: 'short',
    day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'});
}

/** Local time of day of an instant, to the second. */
export function clock(text) {
  if (!text) return '–';
  const d = new Date(instantMillis(text));
  return Number.isNaN(d.getTime()) ? String(text) : d.toLocaleTimeString();
}

/** "in 4 min" or "3 s ago". */
export function relative(text, now = Date.now()) {
  if (!text) return '';
  const delta = instantMillis(text) - now;
  return delta >= 0 ? 'in ' + duration(delta) : duration(-delta) + ' ago';
}

/** A short form of a long id (a run's UUID) for tables. */
export function shortId(id) {
  return id && id.length > 13 ? id.slice(0, 8) + '…' : id;
}

/** JSON for display, indented; strings stay strings. */
export function pretty(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Money with its currency. */
export function money(amount, currency) {
  const n = Number(amount || 0);
  try {
    return n.toLocaleString(undefined, {style: 'currency', currency: currency || 'USD', maximumFractionDigits: 4});
  } catch (e) {
    return n.toFixed(4) + ' ' + (currency || '');
  }
}
