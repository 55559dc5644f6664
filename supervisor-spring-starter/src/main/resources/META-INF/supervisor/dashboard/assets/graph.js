// Draws a run's workflow as an SVG layered graph: one column per topological level, rows as the server laid them
// out. Pan by dragging, zoom with the wheel or the buttons; labels hide when zoomed far out so that thousands of
// tasks stay fluid. Task states are classes on the nodes, so a state change touches one attribute.
import {h, s} from './dom.js';

const NODE_W = 168;
const NODE_H = 30;
const COL_W = 220;
const ROW_H = 44;
const LABEL_MAX = 22;

/**
 * @param host the element to draw in
 * @param graph the API's run graph: nodes (id, type, level, row, critical), edges [from, to], maxWidth
 * @param onSelect called with a task id when a node is clicked
 */
export function drawGraph(host, graph, onSelect) {
  const nodes = new Map();
  const height = Math.max(1, graph.maxWidth) * ROW_H;
  const counts = new Map();
  for (const n of graph.nodes) counts.set(n.level, (counts.get(n.level) || 0) + 1);
  const pos = graph.nodes.map(n => ({
    x: n.level * COL_W,
    y: (height - counts.get(n.level) * ROW_H) / 2 + n.row * ROW_H,
  }));
  const edgeLayer = s('g', {class: 'edges'});
  const nodeLayer = s('g', {class: 'nodes'});
  const edgeEls = [];
  for (const [from, to] of graph.edges) {
    const a = pos[from];
    const b = pos[to];
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const mx = (x1 + x2) / 2;
    const path = s('path', {class: 'edge', d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`});
    edgeEls.push({from: graph.nodes[from].id, to: graph.nodes[to].id, el: path});
    edgeLayer.append(path);
  }
  graph.nodes.forEach((n, i) => {
    const label = n.id.length > LABEL_MAX ? n.id.slice(0, LABEL_MAX - 1) + '…' : n.id;
    const g = s('g', {class: 'node st-PENDING', transform: `translate(${pos[i].x},${pos[i].y})`,
      'data-task': n.id, tabindex: '0', role: 'button'},
      s('title', {}, `${n.id} (${n.type})`),
      s('rect', {width: NODE_W, height: NODE_H, rx: 5}),
      s('text', {x: 10, y: 19}, label));
    nodes.set(n.id, g);
    nodeLayer.append(g);
  });
  const world = s('g', {class: 'world'}, edgeLayer, nodeLayer);
  const svg = s('svg', {class: 'graph', role: 'img', 'aria-label': 'workflow graph'}, world);
  const zoomOut = h('button', {type: 'button', title: 'Zoom out', class: 'quiet'}, '−');
  const zoomIn = h('button', {type: 'button', title: 'Zoom in', class: 'quiet'}, '+');
  const fitButton = h('button', {type: 'button', title: 'Fit the whole graph', class: 'quiet'}, 'Fit');
  host.replaceChildren(h('div', {class: 'graph-tools'}, zoomOut, zoomIn, fitButton), svg);

  const view = {x: 0, y: 0, k: 1};
  const contentW = Math.max(1, graph.levels) * COL_W - (COL_W - NODE_W);
  function apply() {
    world.setAttribute('transform', `translate(${view.x},${view.y}) scale(${view.k})`);
    svg.classList.toggle('far', view.k < 0.45);
  }
  function zoomAt(factor, cx, cy) {
    const k = Math.min(3, Math.max(0.02, view.k * factor));
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    apply();
  }
  function fit() {
    const w = svg.clientWidth || 800;
    const hh = svg.clientHeight || 400;
    view.k = Math.min(1.2, (w - 32) / contentW, (hh - 32) / height);
    view.x = (w - contentW * view.k) / 2;
    view.y = (hh - height * view.k) / 2;
    apply();
  }
  const center = () => [svg.clientWidth / 2, svg.clientHeight / 2];
  zoomIn.addEventListener('click', () => zoomAt(1.25, ...center()));
  zoomOut.addEventListener('click', () => zoomAt(0.8, ...center()));
  fitButton.addEventListener('click', fit);
  svg.addEventListener('wheel', e => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, {passive: false});
  let drag = null;
  svg.addEventListener('pointerdown', e => {
    if (e.target.closest('g.node')) return;
    drag = {x: e.clientX - view.x, y: e.clientY - view.y};
    svg.setPointerCapture(e.pointerId);
    svg.classList.add('dragging');
  });
  svg.addEventListener('pointermove', e => {
    if (!drag) return;
    view.x = e.clientX - drag.x;
    view.y = e.clientY - drag.y;
    apply();
  });
  const stop = () => {
    drag = null;
    svg.classList.remove('dragging');
  };
  svg.addEventListener('pointerup', stop);
  svg.addEventListener('pointercancel', stop);
  const pick = e => {
    const g = e.target.closest('g.node');
    if (g && (e.type === 'click' || e.key === 'Enter')) onSelect(g.getAttribute('data-task'));
  };
  svg.addEventListener('click', pick);
  svg.addEventListener('keydown', pick);
  requestAnimationFrame(fit);

  return {
    /** Shows a task's state; unknown ids (fan-out instances) are ignored. */
    setState(id, state) {
      const g = nodes.get(id);
      if (g) g.setAttribute('class', 'node st-' + state + (g.classList.contains('crit') ? ' crit' : '')
        + (g.classList.contains('selected') ? ' selected' : ''));
    },
    /** Highlights a chain of task ids as the critical path. */
    highlight(path) {
      const on = new Set(path);
      const next = new Map();
      for (let i = 0; i + 1 < path.length; i++) next.set(path[i], path[i + 1]);
      for (const [id, g] of nodes) g.classList.toggle('crit', on.has(id));
      for (const e of edgeEls) e.el.classList.toggle('crit', next.get(e.from) === e.to);
    },
    select(id) {
      for (const g of nodes.values()) g.classList.remove('selected');
      const g = nodes.get(id);
      if (g) g.classList.add('selected');
    },
    fit,
  };
}
