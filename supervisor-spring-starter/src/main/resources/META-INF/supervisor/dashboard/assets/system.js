// Providers (circuit, health, load, quotas, spending) and plugins (state, health, counters).
import {api} from './api.js';
import {h, badge, replace, table, note} from './dom.js';
import * as fmt from './format.js';

function quotas(map) {
  const entries = Object.entries(map || {});
  return entries.length ? entries.map(([w, n]) => `${n.toLocaleString()}/${w.toLowerCase()}`).join(', ') : 'unlimited';
}

function cost(c) {
  return `${fmt.money(c.amount, c.currency)} · ${c.calls.toLocaleString()} calls · `
    + `${(c.inputTokens + c.outputTokens).toLocaleString()} tokens`;
}

async function providers(ctx) {
  if (!ctx.features.providers) return note('No provider router is configured.');
  if (!ctx.caller.permissions['providers:read']) return note('Reading providers needs providers:read.');
  const list = await api('providers');
  return h('div', {},
    table(['Provider', 'Group', 'Circuit', 'Probe', 'In flight', 'Latency', 'Requests', 'Tokens', 'Spent'],
      list.providers.map(p => h('tr', {'data-provider': p.id},
        h('td', {}, h('strong', {}, p.id), h('div', {class: 'muted'}, [...p.taskTypes].join(', ') || 'all types')),
        h('td', {}, p.group || '–'),
        h('td', {}, badge(p.circuit), p.cooldownUntil ? h('div', {class: 'muted'}, 'cool-down '
          + fmt.relative(p.cooldownUntil)) : null),
        h('td', {}, badge(p.probeHealthy ? 'HEALTHY' : 'UNHEALTHY')),
        h('td', {class: 'num'}, `${p.inFlight}/${p.concurrencyLimit} (max ${p.maxConcurrent})`),
        h('td', {class: 'num'}, p.latencyMillis === null ? '–' : fmt.duration(p.latencyMillis)),
        h('td', {}, quotas(p.requestQuotas)),
        h('td', {}, quotas(p.tokenQuotas)),
        h('td', {}, cost(p.cost)))), {class: 'providers'}),
    h('p', {class: 'total'}, 'Total spent: ', cost(list.total)));
}

async function plugins(ctx) {
  if (!ctx.features.plugins) return note('No plugin host is configured.');
  if (!ctx.caller.permissions['system:admin']) return note('Plugin states need system:admin.');
  const list = await api('plugins');
  if (!list.length) return note('No plugin is loaded.');
  return table(['Plugin', 'Version', 'State', 'Health', 'Completed', 'Failures', 'Timeouts', 'Capabilities'],
    list.map(p => h('tr', {'data-plugin': p.id},
      h('td', {}, h('strong', {}, p.id), p.description ? h('div', {class: 'muted'}, p.description) : null),
      h('td', {}, p.version), h('td', {}, badge(p.state), p.problem ? h('div', {class: 'error'}, p.problem) : null),
      h('td', {}, badge(p.health), p.healthDetail ? h('div', {class: 'muted'}, p.healthDetail) : null),
      h('td', {class: 'num'}, String(p.completed)), h('td', {class: 'num'}, String(p.failures)),
      h('td', {class: 'num'}, String(p.timeouts)), h('td', {}, p.capabilities.join(', ') || '–'))),
    {class: 'plugins'});
}

export function mountSystem(view, ctx) {
  let alive = true;
  let timer = null;
  const top = h('section', {id: 'providers'}, note('Loading providers…'));
  const bottom = h('section', {id: 'plugins'}, note('Loading plugins…'));
  replace(view, h('h1', {}, 'Providers'), top, h('h1', {}, 'Plugins'), bottom);

  async function fill(el, part) {
    try {
      const content = await part(ctx);
      if (alive) replace(el, content);
    } catch (e) {
      if (alive) replace(el, note(e.message, 'error'));
    }
  }

  async function load() {
    if (!document.hidden) await Promise.all([fill(top, providers), fill(bottom, plugins)]);
    if (alive) timer = setTimeout(load, ctx.refreshMillis);
  }

  load();
  return () => {
    alive = false;
    clearTimeout(timer);
  };
}
