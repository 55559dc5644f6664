// Time-series charts with uPlot: lines per series, optional forecast band (mean, lower, upper) and anomaly
// markers. Series from the analytics API are aligned on the union of their bucket starts.
import uPlot from '../vendor/uplot/uPlot.esm.js';
import {h} from './dom.js';
import {instantMillis} from './format.js';

const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#475569'];

/** A series of [epochSeconds, value] pairs from the API's points ({start, value}). */
export function points(list, valueOf = p => p.value) {
  return list.map(p => [instantMillis(p.start || p.at) / 1000, valueOf(p)]);
}

/**
 * Draws a chart in host.
 *
 * @param lines [{label, points: [[t, v]]}]
 * @param options {unit, forecast: {label, points: [[t, mean, lower, upper]]}, anomalies: [[t, v]]}
 */
export function chart(host, title, lines, {unit = '', forecast = null, anomalies = []} = {}) {
  const xs = new Set();
  lines.forEach(l => l.points.forEach(([t]) => xs.add(t)));
  if (forecast) forecast.points.forEach(([t]) => xs.add(t));
  anomalies.forEach(([t]) => xs.add(t));
  const x = [...xs].sort((a, b) => a - b);
  const at = new Map(x.map((t, i) => [t, i]));
  const column = (pairs, pick = p => p[1]) => {
    const col = new Array(x.length).fill(null);
    pairs.forEach(p => {
      col[at.get(p[0])] = pick(p);
    });
    return col;
  };
  const data = [x];
  const series = [{}];
  lines.forEach((l, i) => {
    data.push(column(l.points));
    series.push({label: l.label, stroke: PALETTE[i % PALETTE.length], width: 2, spanGaps: false,
      value: (u, v) => v === null ? '–' : v.toFixed(3) + unit});
  });
  const bands = [];
  if (forecast) {
    const base = data.length;
    data.push(column(forecast.points), column(forecast.points, p => p[3]), column(forecast.points, p => p[2]));
    series.push({label: forecast.label, stroke: '#64748b', dash: [6, 4], width: 1.5},
      {label: 'upper', stroke: 'rgba(100,116,139,0.4)', width: 1},
      {label: 'lower', stroke: 'rgba(100,116,139,0.4)', width: 1});
    bands.push({series: [base + 1, base + 2], fill: 'rgba(100,116,139,0.15)'});
  }
  if (anomalies.length) {
    data.push(column(anomalies));
    series.push({label: 'anomaly', stroke: '#dc2626', width: 0, paths: () => null,
      points: {show: true, size: 9, fill: '#dc2626', stroke: '#dc2626'}});
  }
  let count = 0;
  for (let i = 1; i < data.length; i++) count += data[i].filter(v => v !== null).length;
  const box = h('div', {class: 'chart-box'});
  const figure = h('figure', {class: 'chart', 'data-points': String(count), 'data-title': title,
    'data-forecast': forecast ? String(forecast.points.length) : '0', 'data-anomalies': String(anomalies.length)},
    h('figcaption', {}, title), box);
  host.append(figure);
  if (!x.length) {
    box.append(h('p', {class: 'note'}, 'No data in this range yet.'));
    return figure;
  }
  const width = Math.max(280, box.clientWidth || 600); // the figure's own cell, now that it is in the page
  new uPlot({width, height: 220, series, bands, scales: {x: {time: true}},
    axes: [{}, {size: 60, values: (u, vals) => vals.map(v => v + unit)}]}, data, box);
  return figure;
}
