// Metrics over time from the analytics API: throughput with its forecast and interval, failure rate, latency
// percentiles with anomalies marked, grouped by task type or provider.
import {api} from './api.js';
import {h, replace, note} from './dom.js';
import {chart, points} from './charts.js';
import {instantMillis} from './format.js';

const RANGES = {'1h': ['PT1M', 3600e3], '6h': ['PT5M', 6 * 3600e3], '24h': ['PT15M', 24 * 3600e3]};
const EVERY = 30000;
const MIN_HISTORY = 4;

function label(group, by) {
  return (group && group[by]) || '(none)';
}

export function mountMetrics(view, ctx) {
  let timer = null;
  let alive = true;
  const range = h('select', {id: 'metrics-range'}, Object.keys(RANGES).map(k => h('option', {value: k}, 'last ' + k)));
  const by = h('select', {id: 'metrics-group'}, h('option', {value: 'type'}, 'by task type'),
    h('option', {value: 'provider'}, 'by provider'));
  const charts = h('div', {class: 'charts', id: 'charts'}, note('Loading metrics…'));
  replace(view, h('div', {class: 'page-head'}, h('h1', {}, 'Metrics'), h('div', {class: 'controls'}, range, by,
    h('button', {type: 'button', class: 'quiet', on: {click: () => load()}}, 'Refresh'))), charts);
  range.addEventListener('change', () => load());
  by.addEventListener('change', () => load());

  async function load() {
    clearTimeout(timer);
    const [step, span] = RANGES[range.value];
    const g = by.value;
    const to = new Date();
    const q = (metric, aggregation, extra) => ({metric, aggregation, step, from: new Date(to - span).toISOString(),
      to: to.toISOString(), ...extra});
    try {
      const [ok, failed, total, anomalies, p50, p95, p99, p95by, latencyAnomalies] = await Promise.all([
        api('analytics/series', {params: q('task.succeeded', 'COUNT', {groupBy: g})}),
        api('analytics/series', {params: q('task.failed', 'COUNT', {groupBy: g})}),
        api('analytics/series', {params: q('task.succeeded', 'COUNT')}),
        api('analytics/anomalies', {params: q('task.succeeded', 'COUNT')}),
        api('analytics/series', {params: q('task.duration', 'P50')}),
        api('analytics/series', {params: q('task.duration', 'P95')}),
        api('analytics/series', {params: q('task.duration', 'P99')}),
        api('analytics/series', {params: q('task.duration', 'P95', {groupBy: g})}),
        api('analytics/anomalies', {params: q('task.duration', 'P95')})]);
      // A forecast needs some history; asking with less would only be refused.
      const forecast = total.length && total[0].points.length >= MIN_HISTORY
        ? await api('analytics/forecast', {params: q('task.succeeded', 'COUNT', {horizon: 15})}) : [];
      if (!alive) return;
      charts.replaceChildren();
      const f = forecast[0];
      chart(charts, 'Throughput (tasks per step)', ok.map(s => ({label: label(s.group, g), points: points(s.points)}))
        .concat(total.length ? [{label: 'all', points: points(total[0].points)}] : []), {
        forecast: f ? {label: `forecast (${f.method}, ${Math.round(f.level * 100)}% interval)`,
          points: f.points.map(p => [instantMillis(p.at) / 1000, p.mean, Math.max(0, p.lower), p.upper])} : null,
        anomalies: anomalies.flatMap(a => points(a.anomalies))});
      chart(charts, 'Failure rate', failureRates(ok, failed, g), {unit: '%'});
      chart(charts, 'Latency percentiles, all tasks (s)', [['p50', p50], ['p95', p95], ['p99', p99]]
        .filter(([, r]) => r.length).map(([l, r]) => ({label: l, points: points(r[0].points)})),
      {unit: 's', anomalies: latencyAnomalies.flatMap(a => points(a.anomalies))});
      chart(charts, `p95 latency ${by.selectedOptions[0].textContent} (s)`,
        p95by.map(s => ({label: label(s.group, g), points: points(s.points)})), {unit: 's'});
    } catch (e) {
      if (alive) replace(charts, note('Cannot read metrics: ' + e.message, 'error'));
    }
    if (alive) timer = setTimeout(load, Math.max(EVERY, ctx.refreshMillis));
  }

  load();
  return () => {
    alive = false;
    clearTimeout(timer);
  };
}

/** failed / (succeeded + failed) per group and step, in percent. */
function failureRates(ok, failed, g) {
  const groups = new Map();
  const add = (list, key) => list.forEach(s => {
    const name = label(s.group, g);
    if (!groups.has(name)) groups.set(name, new Map());
    const m = groups.get(name);
    s.points.forEach(p => {
      const e = m.get(p.start) || {ok: 0, failed: 0};
      e[key] += p.value;
      m.set(p.start, e);
    });
  });
  add(ok, 'ok');
  add(failed, 'failed');
  return [...groups].map(([name, m]) => ({label: name, points: points([...m].map(([start, e]) => ({start,
    value: 100 * e.failed / Math.max(1, e.ok + e.failed)})))}));
}
