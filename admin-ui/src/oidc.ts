// Signing in at the identity provider the server names (GET /admin/sign-in.json): the OAuth2
// authorization code flow of a public client, with PKCE (S256), a random state and nonce. The
// access token it ends with is kept and sent exactly like a pasted API token (auth.ts), so
// every request and the subscriptions carry it. The steps that decide something are pure
// functions; the last two run them against the browser.

/** What the server tells the login page; null when it offers the API token only. */
export interface OidcSettings {
  name: string;
  issuer: string;
  clientId: string;
  scopes: string;
}

/** The part of the provider's discovery document the flow needs. */
export interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

/** What is kept in the tab between leaving for the provider and coming back. */
export interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  clientId: string;
  redirectUri: string;
  tokenEndpoint: string;
}

/** The server's settings as it answers them ({ oidc: … }); null for none or anything unexpected. */
export function oidcSettings(body: unknown): OidcSettings | null {
  const o = (body as { oidc?: Partial<OidcSettings> | null } | null)?.oidc;
  if (!o || !o.issuer || !o.clientId) return null;
  return { name: o.name || new URL(o.issuer).host, issuer: o.issuer, clientId: o.clientId, scopes: o.scopes || 'openid' };
}

/** The issuer's discovery document (OpenID Connect Discovery: a trailing slash is dropped first). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/** The discovery document's endpoints, checked to be there. */
export function discovery(body: unknown): Discovery {
  const d = body as Partial<Discovery> | null;
  if (!d?.authorization_endpoint || !d.token_endpoint) {
    throw new Error("The identity provider's discovery document names no authorization or token endpoint.");
  }
  return { authorization_endpoint: d.authorization_endpoint, token_endpoint: d.token_endpoint };
}

/** Where the provider sends the browser back: the admin's own address, /admin/. */
export function redirectUri(origin: string): string {
  return `${origin}/admin/`;
}

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 256 random bits, base64url: a state, a nonce, or a code verifier (43 characters, as RFC 7636 asks). */
export function randomValue(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return base64url(random(new Uint8Array(32)));
}

/** The PKCE code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** A new sign-in's secrets, kept until the provider sends the browser back. */
export function newPending(settings: OidcSettings, endpoints: Discovery, origin: string, random?: (bytes: Uint8Array) => Uint8Array): Pending {
  return {
    state: randomValue(random),
    nonce: randomValue(random),
    verifier: randomValue(random),
    clientId: settings.clientId,
    redirectUri: redirectUri(origin),
    tokenEndpoint: endpoints.token_endpoint,
  };
}

/** The provider's authorization endpoint, asked for a code for this sign-in. */
export function authorizationUrl(endpoints: Discovery, settings: OidcSettings, pending: Pending, challenge: string): string {
  const url = new URL(endpoints.authorization_endpoint);
  const params = {
    response_type: 'code',
    client_id: pending.clientId,
    redirect_uri: pending.redirectUri,
    scope: settings.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** What the address the browser came back to says. */
export type Callback = { kind: 'none' } | { kind: 'code'; code: string } | { kind: 'error'; message: string };

const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss'];

/**
 * The provider's answer in the query (?code=&state= or ?error=), checked against the sign-in
 * this tab started: an answer to no sign-in, or to another one, is refused.
 */
export function readCallback(search: string, pending: Pending | null): Callback {
  const q = new URLSearchParams(search);
  const code = q.get('code');
  const error = q.get('error');
  if (!code && !error) return { kind: 'none' };
  if (!pending || q.get('state') !== pending.state) {
    return { kind: 'error', message: 'The sign-in could not be completed: its answer belongs to no sign-in started in this tab. Try again.' };
  }
  if (error) {
    const description = q.get('error_description');
    return { kind: 'error', message: `The identity provider refused the sign-in: ${description ? `${description} (${error})` : error}.` };
  }
  return { kind: 'code', code: code! };
}

/** The token request a public client sends: the code, with the verifier instead of a secret. */
export function tokenRequest(pending: Pending, code: string): { url: string; body: URLSearchParams } {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: pending.clientId,
    code_verifier: pending.verifier,
  });
  return { url: pending.tokenEndpoint, body };
}

/**
 * The access token of the token endpoint's answer; its ID token, when there is one, must carry
 * this sign-in's nonce.
 */
export function accessToken(status: number, body: unknown, pending: Pending): string {
  const b = (body ?? {}) as { access_token?: string; id_token?: string; error?: string; error_description?: string };
  if (status !== 200 || !b.access_token) {
    const why = b.error ? `${b.error_description ? `${b.error_description} (${b.error})` : b.error}` : `HTTP ${status}`;
    throw new Error(`The identity provider gave no access token: ${why}.`);
  }
  if (b.id_token && claims(b.id_token).nonce !== pending.nonce) {
    throw new Error("The identity provider's answer is not for this sign-in (its nonce differs). Try again.");
  }
  return b.access_token;
}

/** A JWT's claims, unverified: the API checks the access token's signature; this only reads. */
function claims(jwt: string): Record<string, unknown> {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

/** The address without the provider's answer, and with the given route of the application. */
export function withoutCallback(href: string, route: string): string {
  const url = new URL(href);
  for (const p of CALLBACK_PARAMS) url.searchParams.delete(p);
  url.hash = route;
  return url.toString();
}

const PENDING = 'cores.oidc.pending';

/** The server's sign-in settings (./sign-in.json); none when it cannot be read. */
export async function readOidcSettings(url: string): Promise<OidcSettings | null> {
  try {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    return res.ok ? oidcSettings(await res.json()) : null;
  } catch {
    return null;
  }
}

/** Leaves for the provider's sign-in, having kept this sign-in's secrets in the tab. */
export async function startSignIn(settings: OidcSettings): Promise<void> {
  let endpoints: Discovery;
  try {
    const res = await fetch(discoveryUrl(settings.issuer), { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    endpoints = discovery(await res.json());
  } catch (e) {
    throw new Error(`${settings.name} could not be reached: ${(e as Error).message}`);
  }
  const pending = newPending(settings, endpoints, window.location.origin);
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  window.location.assign(authorizationUrl(endpoints, settings, pending, await codeChallenge(pending.verifier)));
}

/**
 * Completes a sign-in the provider has sent the browser back from, if it has: the code is
 * exchanged for an access token, which \`login\` checks and keeps, and the address loses the
 * provider's answer, opening the dashboard. Answers why it failed (the login page shows it),
 * or null.
 */
export async function completeSignIn(login: (token: string) => Promise<void>): Promise<string | null> {
  const kept = sessionStorage.getItem(PENDING);
  const pending = kept ? (JSON.parse(kept) as Pending) : null;
  const callback = readCallback(window.location.search, pending);
  if (callback.kind === 'none') return null;
  sessionStorage.removeItem(PENDING);
  try {
    if (callback.kind === 'error') throw new Error(callback.message);
    const { url, body } = tokenRequest(pending!, callback.code);
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', body, headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new Error(`The identity provider's token endpoint could not be reached: ${(e as Error).message}`);
    }
    await login(accessToken(res.status, await res.json().catch(() => null), pending!));
    window.history.replaceState(null, '', withoutCallback(window.location.href, '#/'));
    return null;
  } catch (e) {
    window.history.replaceState(null, '', withoutCallback(window.location.href, '#/login'));
    return (e as Error).message;
  }
}
