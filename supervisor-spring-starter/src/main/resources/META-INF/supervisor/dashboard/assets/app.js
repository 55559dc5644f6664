// The dashboard's entry point: sign-in, navigation between pages (hash routes, so the page never reloads), and
// what every page shares: the caller's permissions, the application's features and the refresh period.
import {api, ApiError, credential, signIn, signOut} from './api.js';
import {note, replace} from './dom.js';
import {mountRuns} from './runs.js';
import {mountRun} from './run.js';
import {mountSchedules} from './schedules.js';
import {mountMetrics} from './metrics.js';
import {mountSystem} from './system.js';
import './probe.js';

const $ = id => document.getElementById(id);
const view = $('view');
const meta = document.querySelector('meta[name="supervisor-refresh"]');
let unmount = () => {};
let toastTimer = null;

const ctx = {
  caller: {id: '', permissions: {}},
  features: {},
  refreshMillis: Math.max(1000, Number(meta && meta.content) || 5000),
  toast(message, kind) {
    const el = $('toast');
    el.textContent = message;
    el.className = 'toast ' + (kind || 'info');
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      el.hidden = true;
    }, kind === 'error' ? 8000 : 3000);
  },
  /** Takes the caller and features from an overview. */
  update(overview) {
    ctx.caller = overview.caller;
    ctx.features = overview.features;
    $('who').textContent = overview.caller.id;
    const show = {schedules: ctx.features.schedules,
      metrics: ctx.features.analytics && ctx.caller.permissions['analytics:read']};
    for (const a of document.querySelectorAll('[data-nav]')) {
      const name = a.getAttribute('data-nav');
      a.hidden = name in show && !show[name];
    }
  },
};

function route() {
  unmount();
  unmount = () => {};
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = parts[0] || 'runs';
  for (const a of document.querySelectorAll('[data-nav]')) {
    a.classList.toggle('current', a.getAttribute('data-nav') === page);
  }
  view.setAttribute('data-page', page);
  if (page === 'runs' && parts[1]) unmount = mountRun(view, parts[1], ctx);
  else if (page === 'runs') unmount = mountRuns(view, ctx);
  else if (page === 'schedules') unmount = mountSchedules(view, ctx);
  else if (page === 'metrics') unmount = mountMetrics(view, ctx);
  else if (page === 'system') unmount = mountSystem(view, ctx);
  else replace(view, note('No such page: ' + page, 'error'));
}

function showLogin(message) {
  unmount();
  unmount = () => {};
  view.replaceChildren();
  $('login').hidden = false;
  $('nav').hidden = true;
  $('signout').hidden = true;
  $('who').textContent = '';
  $('login-error').textContent = message || '';
  $('login-secret').focus();
}

async function start() {
  ctx.update(await api('runs/overview', {params: {limit: 1}}));
  $('login').hidden = true;
  $('nav').hidden = false;
  $('signout').hidden = false;
  route();
}

$('login-form').addEventListener('submit', async e => {
  e.preventDefault();
  const secret = $('login-secret').value.trim();
  if (!secret) return;
  signIn($('login-kind').value, secret);
  try {
    await start();
    $('login-secret').value = '';
  } catch (err) {
    signOut();
    showLogin(err instanceof ApiError && (err.status === 401 || err.status === 403)
      ? 'That credential was not accepted: ' + err.message : err.message);
  }
});
$('signout').addEventListener('click', () => {
  signOut();
  showLogin();
});
window.addEventListener('supervisor:unauthenticated', () => {
  signOut();
  showLogin('Please sign in again.');
});
window.addEventListener('hashchange', () => {
  if (credential()) route();
});

if (credential()) {
  start().catch(err => showLogin(err.message));
} else {
  showLogin();
}
