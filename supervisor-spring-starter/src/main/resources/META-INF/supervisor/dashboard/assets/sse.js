// Follows a Server-Sent Events stream with fetch (EventSource cannot send the Authorization header). Reconnects
// after an error or an early end, sending Last-Event-ID so the server resumes after the last event received; an
// 'overflow' event (the server's per-client buffer filled up) means "reconnect now". Each event is handed over as
// soon as it is parsed: nothing queues up in the page.
import {apiUrl, authHeaders} from './api.js';

const MAX_DELAY = 10000;

/**
 * @param path API path of the stream
 * @param options after: the last sequence already applied; onEvent(name, data, id); onState(state, detail) with
 *        state 'connecting' | 'live' | 'reconnecting' | 'ended' | 'failed'; endOn: event name after which the
 *        stream is complete
 * @return {close()}
 */
export function follow(path, {after = 0, onEvent, onState = () => {}, endOn}) {
  let lastId = after > 0 ? String(after) : null;
  let controller = null;
  let closed = false;
  let delay = 1000;
  let timer = null;

  async function connect() {
    controller = new AbortController();
    onState(lastId ? 'reconnecting' : 'connecting');
    const headers = authHeaders({Accept: 'text/event-stream'});
    if (lastId) headers.set('Last-Event-ID', lastId);
    let outcome = 'dropped';
    try {
      const response = await fetch(apiUrl(path), {headers, signal: controller.signal, cache: 'no-store',
        credentials: 'same-origin'});
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        if (response.status === 401) window.dispatchEvent(new CustomEvent('supervisor:unauthenticated'));
        onState('failed', 'HTTP ' + response.status);
        return;
      }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      onState('live');
      delay = 1000;
      outcome = await read(response.body.getReader());
    } catch (e) {
      if (closed) return;
    }
    if (closed) return;
    if (outcome === 'ended') {
      onState('ended');
      return;
    }
    timer = setTimeout(connect, outcome === 'overflow' ? 0 : delay);
    if (outcome !== 'overflow') delay = Math.min(MAX_DELAY, delay * 2);
  }

  /** Parses the stream per the SSE rules; resolves to 'ended' (final event), 'overflow' or 'dropped'. */
  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let name = '';
    let data = [];
    let id = null;
    for (;;) {
      const {value, done} = await reader.read();
      if (done) return 'dropped';
      buffer += decoder.decode(value, {stream: true});
      let nl;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
        if (line === '') {
          if (id !== null) lastId = id;
          if (data.length) {
            const event = name || 'message';
            if (event === 'overflow') {
              controller.abort();
              return 'overflow';
            }
            onEvent(event, data.join('\n'), id);
            if (endOn && event === endOn) {
              controller.abort();
              return 'ended';
            }
          }
          name = '';
          data = [];
          id = null;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? '' : line.slice(colon + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (field === 'event') name = val;
        else if (field === 'data') data.push(val);
        else if (field === 'id') id = val;
        else if (field === 'retry' && /^\d+$/.test(val)) delay = Number(val);
      }
    }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      if (controller) controller.abort();
    },
  };
}
