// The runs list: running runs with their progress and ETA, the latest runs, and the latest failures, read again
// every refresh period while the tab is visible.
import {api} from './api.js';
import {h, badge, link, replace, table, note} from './dom.js';
import * as fmt from './format.js';

function progress(row) {
  const p = row.progress;
  if (!p) return '–';
  return h('span', {class: 'progress'}, h('progress', {max: Math.max(1, p.total), value: p.done}),
    ` ${p.done}/${p.total}`, p.failed ? h('span', {class: 'error'}, ` ${p.failed} failed`) : null);
}

function took(row) {
  if (!row.createdAt) return '–';
  const end = row.finishedAt ? fmt.instantMillis(row.finishedAt) : Date.now();
  return fmt.duration(end - fmt.instantMillis(row.createdAt));
}

function rows(list, running) {
  return list.map(r => h('tr', {'data-run': r.runId},
    h('td', {}, link(fmt.shortId(r.runId), 'runs', r.runId)),
    h('td', {class: 'workflow'}, r.workflowId),
    h('td', {}, badge(r.status)),
    running ? h('td', {}, progress(r)) : null,
    running ? h('td', {}, r.progress && r.progress.etaMillis !== null ? fmt.duration(r.progress.etaMillis) : '–')
      : null,
    h('td', {}, fmt.time(r.createdAt)),
    h('td', {class: 'num'}, took(r))));
}

function section(id, title, list, running, empty) {
  const headers = ['Run', 'Workflow', 'Status'].concat(running ? ['Progress', 'ETA'] : [], ['Created', 'Duration']);
  return h('section', {id},
    h('h2', {}, title, ' ', h('span', {class: 'count'}, String(list.length))),
    list.length ? table(headers, rows(list, running), {class: 'runs'}) : note(empty));
}

export function mountRuns(view, ctx) {
  let timer = null;
  let alive = true;
  const body = h('div', {class: 'runs-page'}, note('Loading runs…'));
  replace(view, h('h1', {}, 'Runs'), body);

  async function load() {
    if (document.hidden) {
      timer = setTimeout(load, ctx.refreshMillis);
      return;
    }
    try {
      const o = await api('runs/overview', {params: {limit: 20}});
      if (!alive) return;
      ctx.update(o);
      replace(body,
        section('running-runs', 'Running', o.running, true, 'Nothing is running.'),
        section('failed-runs', 'Failed', o.failed, false, 'No failed run.'),
        section('recent-runs', 'Recent', o.recent, false, 'No run yet.'));
    } catch (e) {
      if (alive) replace(body, note('Cannot read runs: ' + e.message, 'error'));
    }
    if (alive) timer = setTimeout(load, ctx.refreshMillis);
  }

  load();
  return () => {
    alive = false;
    clearTimeout(timer);
  };
}
