// Builds DOM nodes from data without ever parsing markup: every value becomes a text node or an attribute value,
// so task ids, errors and outputs always render as text.
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (name === 'text') el.textContent = String(value);
    else if (name === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (/^on/i.test(name)) throw new Error('event handlers are added with "on", never as attributes');
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('td', {class: 'x'}, 'text', otherNode). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, built the same way. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A hash link to a dashboard page; path segments are encoded. */
export function link(text, ...segments) {
  return h('a', {href: '#/' + segments.map(encodeURIComponent).join('/')}, text);
}

/** A coloured label for a state or status. */
export function badge(state) {
  return h('span', {class: ['badge', 'st-' + String(state)]}, String(state).replace(/_/g, ' ').toLowerCase());
}

/** A table with a header row; rows are arrays of cells (nodes or text). */
export function table(headers, rows, attrs) {
  return h('table', attrs || {},
    h('thead', {}, h('tr', {}, headers.map(x => h('th', {scope: 'col'}, x)))),
    h('tbody', {}, rows.map(r => r instanceof Node ? r : h('tr', {}, r.map(c => h('td', {}, c))))));
}

/** A short message for an empty or unavailable section. */
export function note(text, kind) {
  return h('p', {class: ['note', kind]}, text);
}
