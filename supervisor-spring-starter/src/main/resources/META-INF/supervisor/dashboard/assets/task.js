// The panel of one task: its state, every attempt with its duration, outcome, error and provider calls, its
// output or error, and why it was skipped.
import {h, badge, replace, table, note} from './dom.js';
import * as fmt from './format.js';

/** Applies one task event to a task's model; returns the attempt touched, if any. */
export function applyTaskEvent(t, e) {
  const attempt = n => {
    let a = t.attempts.find(x => x.n === n);
    if (!a) {
      a = {n, calls: []};
      t.attempts.push(a);
      t.attempts.sort((x, y) => x.n - y.n);
    }
    return a;
  };
  switch (e.type) {
    case 'TaskStarted': {
      const a = attempt(e.attempt);
      Object.assign(a, {startedAt: e.timestamp, provider: e.provider, queueWait: fmt.durationMillis(e.queueWait),
        outcome: 'RUNNING'});
      t.state = 'RUNNING';
      t.startedAt = t.startedAt || e.timestamp;
      break;
    }
    case 'TaskProviderAttempt':
      attempt(e.attempt).calls.push({call: e.call, provider: e.provider, outcome: e.outcome, reason: e.reason,
        duration: fmt.durationMillis(e.duration), at: e.timestamp});
      break;
    case 'TaskRetrying':
      Object.assign(attempt(e.attempt), {outcome: 'RETRYING', error: e.error, finishedAt: e.timestamp,
        retryDelay: fmt.durationMillis(e.delay), provider: e.provider});
      t.state = 'RETRY_WAIT';
      t.error = e.error;
      break;
    case 'TaskSucceeded':
      Object.assign(attempt(e.attempt), {outcome: 'SUCCEEDED', duration: fmt.durationMillis(e.duration),
        finishedAt: e.timestamp, provider: e.provider, cost: e.cost});
      t.state = 'SUCCEEDED';
      t.finishedAt = e.timestamp;
      break;
    case 'TaskFailed':
      if (e.attempt > 0) {
        Object.assign(attempt(e.attempt), {outcome: e.state, error: e.error, finishedAt: e.timestamp,
          duration: fmt.durationMillis(e.duration), provider: e.provider, cost: e.cost});
      }
      t.state = e.state;
      t.error = e.error;
      t.finishedAt = e.timestamp;
      break;
    case 'TaskSkipped':
      t.state = 'SKIPPED';
      t.reason = e.reason;
      t.finishedAt = e.timestamp;
      break;
    case 'TaskCancelled':
      if (e.attempt > 0) Object.assign(attempt(e.attempt), {outcome: 'CANCELLED', finishedAt: e.timestamp});
      t.state = 'CANCELLED';
      t.finishedAt = e.timestamp;
      break;
    default:
      break;
  }
  t.attemptCount = Math.max(t.attemptCount || 0, e.attempt || 0);
}

/** How long an attempt took: its reported duration, else from its start to its end (or to now while running). */
export function attemptMillis(a) {
  if (a.duration !== null && a.duration !== undefined) return a.duration;
  if (!a.startedAt) return null;
  const end = a.finishedAt ? fmt.instantMillis(a.finishedAt) : Date.now();
  return end - fmt.instantMillis(a.startedAt);
}

function calls(a) {
  if (!a.calls.length) return null;
  return h('ol', {class: 'calls'}, a.calls.map(c => h('li', {},
    h('strong', {}, c.provider), ' ', badge(c.outcome), ' ', fmt.duration(c.duration),
    c.reason ? h('span', {class: 'error'}, ' ' + c.reason) : null)));
}

/** Draws the panel of task t; view is the API's task view (output and error), when known. */
export function renderTask(panel, t, view) {
  const rows = t.attempts.map(a => [String(a.n), fmt.clock(a.startedAt), fmt.duration(attemptMillis(a)),
    badge(a.outcome || 'UNKNOWN'), a.provider || '–',
    h('div', {}, a.error ? h('pre', {class: 'error'}, a.error) : null, calls(a),
      a.retryDelay ? h('span', {class: 'muted'}, 'retried after ' + fmt.duration(a.retryDelay)) : null)]);
  const error = (view && view.error) || t.error;
  const output = view && view.output !== undefined && view.output !== null ? fmt.pretty(view.output) : null;
  replace(panel,
    h('h2', {}, h('code', {class: 'task-id'}, t.id)),
    h('p', {}, badge(t.state), ' ', h('span', {class: 'muted'}, t.type || 'fan-out instance'),
      ' · ', `${t.attemptCount || 0} attempt${t.attemptCount === 1 ? '' : 's'}`),
    t.reason ? h('p', {class: 'muted'}, 'Skipped: ' + t.reason) : null,
    error ? h('section', {}, h('h3', {}, 'Error'), h('pre', {class: 'error task-error'}, error)) : null,
    h('h3', {}, 'Attempts'),
    rows.length ? table(['#', 'Started', 'Duration', 'Outcome', 'Provider', 'Details'], rows, {class: 'attempts'})
      : note('No attempt yet.'),
    output !== null ? h('section', {}, h('h3', {}, 'Output'), h('pre', {class: 'output'}, output)) : null);
}
