import { describe, expect, it } from 'vitest';
import {
  accessToken,
  authorizationUrl,
  base64url,
  codeChallenge,
  discovery,
  discoveryUrl,
  newPending,
  oidcSettings,
  readCallback,
  tokenRequest,
  withoutCallback,
  type Pending,
} from '../oidc';

const settings = { name: 'Lab', issuer: 'https://idp.example.net/realms/lab', clientId: 'cores-admin-ui', scopes: 'openid profile email' };
const endpoints = discovery({
  issuer: settings.issuer,
  authorization_endpoint: 'https://idp.example.net/realms/lab/protocol/openid-connect/auth',
  token_endpoint: 'https://idp.example.net/realms/lab/protocol/openid-connect/token',
});
const pending: Pending = {
  state: 'the-state',
  nonce: 'the-nonce',
  verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  clientId: 'cores-admin-ui',
  redirectUri: 'https://cores.example.net/admin/',
  tokenEndpoint: endpoints.token_endpoint,
};

/** A JWT with these claims (unsigned: only its claims are read). */
const jwt = (claims: object) => `e30.${base64url(new TextEncoder().encode(JSON.stringify(claims)))}.sig`;

describe('the server’s sign-in settings', () => {
  it('offers the provider only with an issuer and a client id, named after its host by default', () => {
    expect(oidcSettings({ oidc: null })).toBeNull();
    expect(oidcSettings({ oidc: { issuer: settings.issuer } })).toBeNull();
    expect(oidcSettings(null)).toBeNull();
    expect(oidcSettings({ oidc: { issuer: settings.issuer, clientId: 'cores-admin-ui', scopes: 'openid' } })).toEqual({
      name: 'idp.example.net',
      issuer: settings.issuer,
      clientId: 'cores-admin-ui',
      scopes: 'openid',
    });
    expect(oidcSettings({ oidc: settings })).toEqual(settings);
  });

  it('finds the discovery document under the issuer, and needs its endpoints', () => {
    expect(discoveryUrl('https://idp.example.net/realms/lab/')).toBe('https://idp.example.net/realms/lab/.well-known/openid-configuration');
    expect(discoveryUrl('http://localhost:9000')).toBe('http://localhost:9000/.well-known/openid-configuration');
    expect(() => discovery({ token_endpoint: 'x' })).toThrow(/no authorization or token endpoint/);
  });
});

describe('PKCE and the authorization request', () => {
  it('derives the S256 challenge of RFC 7636’s example verifier', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a state, nonce and verifier of 256 random bits each, base64url', () => {
    const p = newPending(settings, endpoints, 'https://cores.example.net');
    for (const v of [p.state, p.nonce, p.verifier]) expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set([p.state, p.nonce, p.verifier]).size).toBe(3);
    expect(p.redirectUri).toBe('https://cores.example.net/admin/');
    expect(p.tokenEndpoint).toBe(endpoints.token_endpoint);
    const zeros = newPending(settings, endpoints, 'https://cores.example.net', (b) => b.fill(0));
    expect(zeros.state).toBe('A'.repeat(43));
  });

  it('asks the authorization endpoint for a code with the challenge, state and nonce', () => {
    const url = new URL(authorizationUrl(endpoints, settings, pending, 'the-challenge'));
    expect(url.origin + url.pathname).toBe(endpoints.authorization_endpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cores-admin-ui',
      redirect_uri: 'https://cores.example.net/admin/',
      scope: 'openid profile email',
      state: 'the-state',
      nonce: 'the-nonce',
      code_challenge: 'the-challenge',
      code_challenge_method: 'S256',
    });
  });

  it('keeps what the authorization endpoint’s own address asks', () => {
    const url = new URL(authorizationUrl({ ...endpoints, authorization_endpoint: 'https://idp.example.net/authorize?tenant=lab' }, settings, pending, 'c'));
    expect(url.searchParams.get('tenant')).toBe('lab');
    expect(url.searchParams.get('client_id')).toBe('cores-admin-ui');
  });
});

describe('coming back from the provider', () => {
  it('is nothing without a code or an error', () => {
    expect(readCallback('', pending)).toEqual({ kind: 'none' });
    expect(readCallback('?filter=x', null)).toEqual({ kind: 'none' });
  });

  it('takes the code when the state is this tab’s sign-in', () => {
    expect(readCallback('?code=abc&state=the-state&iss=x', pending)).toEqual({ kind: 'code', code: 'abc' });
  });

  it('refuses an answer to another sign-in, or to none', () => {
    const other = readCallback('?code=abc&state=forged', pending);
    expect(other).toMatchObject({ kind: 'error' });
    expect(other.kind === 'error' && other.message).toMatch(/belongs to no sign-in started in this tab/);
    expect(readCallback('?code=abc&state=the-state', null)).toMatchObject({ kind: 'error' });
    expect(readCallback('?code=abc', pending)).toMatchObject({ kind: 'error' });
  });

  it('tells the provider’s refusal with its description', () => {
    expect(readCallback('?error=access_denied&error_description=The+user+cancelled&state=the-state', pending)).toEqual({
      kind: 'error',
      message: 'The identity provider refused the sign-in: The user cancelled (access_denied).',
    });
    expect(readCallback('?error=login_required&state=the-state', pending)).toEqual({
      kind: 'error',
      message: 'The identity provider refused the sign-in: login_required.',
    });
  });

  it('exchanges the code as a public client, with the verifier', () => {
    const { url, body } = tokenRequest(pending, 'abc');
    expect(url).toBe(endpoints.token_endpoint);
    expect(Object.fromEntries(body)).toEqual({
      grant_type: 'authorization_code',
      code: 'abc',
      redirect_uri: 'https://cores.example.net/admin/',
      client_id: 'cores-admin-ui',
      code_verifier: pending.verifier,
    });
  });

  it('takes the access token; an ID token must carry this sign-in’s nonce', () => {
    expect(accessToken(200, { access_token: 'at', token_type: 'Bearer' }, pending)).toBe('at');
    expect(accessToken(200, { access_token: 'at', id_token: jwt({ nonce: 'the-nonce' }) }, pending)).toBe('at');
    expect(() => accessToken(200, { access_token: 'at', id_token: jwt({ nonce: 'another' }) }, pending)).toThrow(/nonce differs/);
    expect(() => accessToken(200, { access_token: 'at', id_token: 'garbage' }, pending)).toThrow(/nonce differs/);
  });

  it('tells why no token came', () => {
    expect(() => accessToken(400, { error: 'invalid_grant', error_description: 'Bad code' }, pending)).toThrow(
      'The identity provider gave no access token: Bad code (invalid_grant).',
    );
    expect(() => accessToken(502, null, pending)).toThrow('The identity provider gave no access token: HTTP 502.');
  });

  it('removes the provider’s answer from the address, keeping the rest', () => {
    expect(withoutCallback('https://cores.example.net/admin/?code=abc&state=s&session_state=x&iss=y', '#/')).toBe('https://cores.example.net/admin/#/');
    expect(withoutCallback('https://cores.example.net/admin/?error=access_denied&state=s&lang=de', '#/login')).toBe(
      'https://cores.example.net/admin/?lang=de#/login',
    );
  });
});
