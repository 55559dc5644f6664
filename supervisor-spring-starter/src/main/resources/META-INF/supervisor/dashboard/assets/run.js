// A run's page: its graph with live task states and the critical path, progress and ETA, a table of tasks, the
// selected task's attempts, and cancel/retry when the caller may. History comes from the run's event log a page
// at a time; then the page follows the run's event stream until the run ends.
import {api} from './api.js';
import {h, badge, replace, note} from './dom.js';
import {follow} from './sse.js';
import {drawGraph} from './graph.js';
import {recordLatency} from './probe.js';
import {applyTaskEvent, attemptMillis, renderTask} from './task.js';
import * as fmt from './format.js';

const PAGE = 1000;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
const path = runId => 'runs/' + encodeURIComponent(runId);

export function mountRun(view, runId, ctx) {
  const tasks = new Map();
  let run = {status: 'PENDING'};
  let drawing = null;
  let stream = null;
  let timer = null;
  let alive = true;
  let selected = null;
  let etaMillis = null;
  let headerDue = false;
  const mountedAt = performance.now();

  const statusEl = h('span', {id: 'run-status'});
  const bar = h('progress', {id: 'run-progress', max: 1, value: 0});
  const counts = h('span', {id: 'run-counts', class: 'muted'});
  const eta = h('span', {id: 'run-eta', class: 'muted'});
  const live = h('span', {id: 'stream-state', class: 'stream'});
  const actions = h('div', {class: 'actions'});
  const graphHost = h('div', {class: 'graph-host', id: 'graph'});
  const panel = h('aside', {class: 'task-detail', id: 'task-detail'}, note('Select a task to see its attempts.'));
  const body = h('tbody', {id: 'task-rows'});
  const workflow = h('span', {class: 'workflow'});
  const root = h('article', {class: 'run', 'data-run': runId},
    h('header', {class: 'run-head'},
      h('div', {}, h('h1', {}, workflow), h('p', {class: 'muted'}, 'Run ', h('code', {}, runId))),
      h('div', {class: 'run-state'}, statusEl, bar, counts, eta, live), actions),
    h('div', {class: 'run-body'}, h('section', {class: 'graph-panel'},
      h('p', {class: 'legend muted'}, h('span', {class: 'crit-key'}), ' critical path'), graphHost), panel),
    h('section', {}, h('h2', {}, 'Tasks'), h('table', {class: 'tasks'}, h('thead', {}, h('tr', {},
      ['Task', 'Type', 'State', 'Attempts', 'Duration', 'Provider'].map(x => h('th', {scope: 'col'}, x)))), body)));
  replace(view, root);

  function task(id, type) {
    let t = tasks.get(id);
    if (!t) {
      t = {id, type, state: 'PENDING', attempts: [], cells: null};
      tasks.set(id, t);
      addRow(t);
    }
    if (type && !t.type) t.type = type;
    return t;
  }

  function addRow(t) {
    const cells = {state: h('td'), attempts: h('td', {class: 'num'}), duration: h('td', {class: 'num'}),
      provider: h('td')};
    const tr = h('tr', {'data-task': t.id, on: {click: () => select(t.id)}},
      h('td', {}, h('a', {href: '#/runs/' + encodeURIComponent(runId), on: {click: e => {
        e.preventDefault();
        select(t.id);
      }}}, t.id)), h('td', {}, t.type || '–'), cells.state, cells.attempts, cells.duration, cells.provider);
    t.cells = cells;
    body.append(tr);
  }

  function paintTask(t) {
    const last = t.attempts[t.attempts.length - 1];
    replace(t.cells.state, badge(t.state));
    t.cells.attempts.textContent = String(t.attemptCount || 0);
    t.cells.duration.textContent = last ? fmt.duration(attemptMillis(last)) : '–';
    t.cells.provider.textContent = (last && last.provider) || '–';
    if (drawing) drawing.setState(t.id, t.state);
    if (selected === t.id) renderTask(panel, t, null);
  }

  function paintRun() {
    let done = 0;
    let failed = 0;
    let running = 0;
    for (const t of tasks.values()) {
      if (['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'SKIPPED', 'UPSTREAM_FAILED', 'CANCELLED'].includes(t.state)) done++;
      if (['FAILED', 'TIMED_OUT', 'UPSTREAM_FAILED'].includes(t.state)) failed++;
      if (t.state === 'RUNNING') running++;
    }
    replace(statusEl, badge(run.status));
    root.setAttribute('data-status', run.status);
    bar.max = Math.max(1, tasks.size);
    bar.value = done;
    counts.textContent = `${done}/${tasks.size} done · ${running} running · ${failed} failed`;
    const ended = TERMINAL.has(run.status);
    eta.textContent = ended ? (run.duration ? 'took ' + fmt.duration(run.duration) : '')
      : etaMillis !== null ? 'ETA ' + fmt.duration(etaMillis) : '';
    paintActions(ended);
  }

  function paintActions(ended) {
    const may = ctx.caller.permissions['workflows:execute'];
    const want = !may ? null : ended ? (ctx.features.retry ? 'retry' : null) : 'cancel';
    if (actions.getAttribute('data-showing') === String(want)) return;
    actions.setAttribute('data-showing', String(want));
    replace(actions, want === 'cancel' ? h('button', {id: 'cancel-run', type: 'button', class: 'danger',
      on: {click: cancel}}, 'Cancel run') : want === 'retry' ? h('button', {id: 'retry-run', type: 'button',
      on: {click: retry}}, 'Retry run') : null);
  }

  /** Applies one event; live events are timed from their timestamp to the DOM update. */
  function apply(e, isLive) {
    if (e.taskId) {
      const t = task(e.taskId, e.taskType);
      applyTaskEvent(t, e);
      if (isLive) paintTask(t);
    } else if (e.type === 'RunStarted') {
      run.status = 'RUNNING';
    } else if (e.type === 'RunFinished') {
      run.status = e.status;
      run.duration = fmt.durationMillis(e.duration);
    }
    if (isLive) {
      recordLatency(fmt.instantMillis(e.timestamp));
      if (!headerDue) {
        headerDue = true;
        queueMicrotask(() => {
          headerDue = false;
          paintRun();
        });
      }
      if (e.type === 'RunFinished') refresh();
    }
  }

  async function select(id) {
    selected = id;
    if (drawing) drawing.select(id);
    const t = tasks.get(id);
    if (!t) return;
    renderTask(panel, t, null);
    try {
      const detail = await api(path(runId));
      const v = detail.tasks.find(x => x.id === id);
      if (alive && selected === id) renderTask(panel, t, v);
    } catch (e) {
      ctx.toast(e.message, 'error');
    }
  }

  async function cancel() {
    if (!confirm('Cancel this run? Pending tasks are cancelled and running ones asked to stop.')) return;
    try {
      await api(path(runId) + '/cancel', {method: 'POST'});
      ctx.toast('Cancel requested');
    } catch (e) {
      ctx.toast(e.message, 'error');
    }
  }

  async function retry() {
    try {
      const again = await api(path(runId) + '/retry', {method: 'POST'});
      location.hash = '#/runs/' + encodeURIComponent(again.runId);
    } catch (e) {
      ctx.toast(e.message, 'error');
    }
  }

  /** Reads the run's detail: states when there is no event log, the ETA, and the real critical path once ended. */
  async function refresh() {
    clearTimeout(timer);
    try {
      const d = await api(path(runId));
      if (!alive) return;
      etaMillis = d.progress ? d.progress.etaMillis : null;
      if (!ctx.features.events) {
        run.status = d.status; // with a stream the status comes from its events, in step with the tasks
        for (const v of d.tasks) {
          const t = task(v.id, v.type);
          t.state = v.state;
          t.attemptCount = v.attempts || 0;
          paintTask(t);
        }
      }
      if (d.criticalPath && d.criticalPath.length && drawing) drawing.highlight(d.criticalPath);
      paintRun();
    } catch (e) {
      if (alive) ctx.toast(e.message, 'error');
    }
    if (alive && !TERMINAL.has(run.status)) timer = setTimeout(refresh, ctx.refreshMillis);
  }

  async function load() {
    const [detail, graph] = await Promise.all([api(path(runId)), api(path(runId) + '/graph')]);
    if (!alive) return;
    workflow.textContent = detail.workflowId;
    run.status = detail.status;
    etaMillis = detail.progress ? detail.progress.etaMillis : null;
    drawing = drawGraph(graphHost, graph, select);
    root.setAttribute('data-drawn-ms', String(Math.round(performance.now() - mountedAt)));
    drawing.highlight(detail.criticalPath && detail.criticalPath.length ? detail.criticalPath : graph.criticalPath);
    for (const v of detail.tasks) Object.assign(task(v.id, v.type), {state: v.state, attemptCount: v.attempts || 0});
    if (!ctx.features.events) {
      tasks.forEach(paintTask);
      paintRun();
      if (!TERMINAL.has(run.status)) timer = setTimeout(refresh, ctx.refreshMillis);
      return;
    }
    let after = 0;
    for (;;) {
      const page = await api(path(runId) + '/events', {params: {after, limit: PAGE}});
      if (!alive) return;
      page.events.forEach(x => apply(x.event, false));
      after = page.last;
      if (page.events.length < PAGE) break;
    }
    tasks.forEach(paintTask);
    paintRun();
    if (TERMINAL.has(run.status)) {
      live.textContent = '';
      return;
    }
    stream = follow(path(runId) + '/events/stream', {after, endOn: 'RunFinished',
      onEvent: (name, data) => apply(JSON.parse(data), true),
      onState: state => {
        live.textContent = state === 'live' ? '● live' : state === 'ended' ? '' : state;
        live.setAttribute('data-state', state);
      }});
    timer = setTimeout(refresh, ctx.refreshMillis);
  }

  load().catch(e => {
    if (alive) replace(view, note('Cannot show run ' + runId + ': ' + e.message, 'error'));
  });
  return () => {
    alive = false;
    clearTimeout(timer);
    if (stream) stream.close();
  };
}
