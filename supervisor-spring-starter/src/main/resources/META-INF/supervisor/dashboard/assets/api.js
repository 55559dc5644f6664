// Calls the REST API with the signed-in credential (kept in sessionStorage: this tab only) and turns problem
// details into errors. A 401 anywhere sends the user back to the sign-in form.
const KEY = 'supervisor.credential';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

export function credential() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch (e) {
    return null;
  }
}

export function signIn(kind, secret) {
  sessionStorage.setItem(KEY, JSON.stringify({kind, secret}));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** Request headers carrying the credential, if any. */
export function authHeaders(extra) {
  const headers = new Headers(extra || {});
  const c = credential();
  if (c && c.kind === 'apikey') headers.set('X-API-Key', c.secret);
  else if (c) headers.set('Authorization', 'Bearer ' + c.secret);
  return headers;
}

/** The URL of an API path, relative to the page (so any context path works). */
export function apiUrl(path, params) {
  const url = new URL('api/' + path, document.baseURI);
  for (const [k, v] of Object.entries(params || {})) {
    for (const one of [].concat(v)) if (one !== undefined && one !== null) url.searchParams.append(k, one);
  }
  return url;
}

/** GET (or another method) an API path; resolves to its JSON, rejects with an ApiError. */
export async function api(path, {method = 'GET', params, body, signal} = {}) {
  const headers = authHeaders({Accept: 'application/json'});
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  let response;
  try {
    response = await fetch(apiUrl(path, params), {method, headers, signal, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, {detail: 'the server cannot be reached'});
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = {detail: text.slice(0, 200)};
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('supervisor:unauthenticated'));
    throw new ApiError(response.status, json);
  }
  return json;
}
