// Schedules: state, next fires with what daylight saving does to them, and pause, resume and trigger for callers
// who may.
import {api} from './api.js';
import {h, badge, replace, table, note} from './dom.js';
import * as fmt from './format.js';

const NOTES = {
  GAP_SHIFTED: l => `${l} does not exist on this day (clocks go forward); fires later by the gap's length`,
  GAP_NEXT_VALID: l => `${l} does not exist on this day (clocks go forward); fires when the gap ends`,
  OVERLAP_FIRST_PASS: l => `${l} happens twice on this day (clocks go back); this is the first`,
  OVERLAP_SECOND_PASS: l => `${l} happens twice on this day (clocks go back); this is the second`,
};

function fires(preview) {
  if (!preview || !preview.fires.length) return note('No coming fire.');
  return h('ol', {class: 'fires'}, preview.fires.map(f => {
    const dst = f.adjustment && NOTES[f.adjustment];
    const local = f.local ? f.local.replace('T', ' ') : '';
    return h('li', {class: dst ? 'dst' : null}, fmt.time(f.at), h('span', {class: 'muted'}, ' ' + fmt.relative(f.at)),
      dst ? h('span', {class: 'dst-note'}, ' ⚠ ' + dst(local)) : null);
  }));
}

function state(s) {
  return badge(s.completed ? 'COMPLETED' : s.paused ? 'PAUSED' : 'ACTIVE');
}

export function mountSchedules(view, ctx) {
  let timer = null;
  let alive = true;
  const body = h('div', {}, note('Loading schedules…'));
  replace(view, h('h1', {}, 'Schedules'), body);

  async function act(id, action) {
    try {
      await api('schedules/' + encodeURIComponent(id) + '/' + action, {method: 'POST'});
      ctx.toast(action === 'trigger' ? `Schedule ${id} fired` : `Schedule ${id} ${action}d`);
      load();
    } catch (e) {
      ctx.toast(e.message, 'error');
    }
  }

  function buttons(s) {
    const perms = ctx.caller.permissions;
    const out = [];
    if (perms['workflows:update'] && !s.completed) {
      out.push(s.paused
        ? h('button', {type: 'button', class: 'resume', on: {click: () => act(s.id, 'resume')}}, 'Resume')
        : h('button', {type: 'button', class: 'pause', on: {click: () => act(s.id, 'pause')}}, 'Pause'));
    }
    if (perms['workflows:execute']) {
      out.push(h('button', {type: 'button', class: 'trigger quiet', on: {click: () => act(s.id, 'trigger')}},
        'Trigger now'));
    }
    return h('div', {class: 'actions'}, out);
  }

  async function load() {
    clearTimeout(timer);
    if (!document.hidden) {
      try {
        const list = await api('schedules');
        const previews = await Promise.all(list.map(s => s.paused || s.completed ? null
          : api('schedules/' + encodeURIComponent(s.id) + '/preview', {params: {count: 5}})));
        if (!alive) return;
        replace(body, list.length ? h('div', {class: 'schedules'}, list.map((s, i) => h('section', {
          class: 'schedule', 'data-schedule': s.id},
        h('header', {}, h('h2', {}, s.id), state(s), buttons(s)),
        s.definition ? h('p', {class: 'muted'}, h('code', {}, s.definition.cron), ` (${s.definition.dialect}) in `,
          s.definition.zone, ' → ', s.definition.workflowId) : null,
        table(['Next fire', 'Last fire', 'Fired', 'Running', 'Misfires', 'Skipped (overlap)', 'Failed'], [[
          s.nextFire ? fmt.time(s.nextFire) : '–', s.lastFire ? fmt.time(s.lastFire) : '–', String(s.fired),
          String(s.running), String(s.misfires), String(s.skippedOverlap), String(s.failed)]], {class: 'counts'}),
        previews[i] ? h('div', {}, h('h3', {}, 'Coming fires'), fires(previews[i])) : null))) : note('No schedule.'));
      } catch (e) {
        if (alive) replace(body, note('Cannot read schedules: ' + e.message, 'error'));
      }
    }
    if (alive) timer = setTimeout(load, ctx.refreshMillis);
  }

  load();
  return () => {
    alive = false;
    clearTimeout(timer);
  };
}
