// Sign-in with an API token, or with the access token of the identity provider (oidc.ts), kept
// for the browser tab (sessionStorage) and sent alike. Anonymous callers browse read-only; what
// a role may not write (docs/security.md) is not offered, as the server states it on every
// mutation (the last line of its description, "Writers: STAFF").
import type { AuthProvider } from 'react-admin';
import type { Execute } from './provider';
import type { Model, ResourceModel } from './schema';

const TOKEN = 'cores.token';
const IDENTITY = 'cores.identity';

export interface Identity {
  id: string;
  fullName: string;
  role: 'ADMIN' | 'STAFF' | 'USER';
}

export const storedToken = () => sessionStorage.getItem(TOKEN);

const rank = { USER: 1, STAFF: 2, ADMIN: 3 } as const;

export type Action = 'create' | 'edit' | 'delete';

const WRITERS = 'Writers: ';

/**
 * The least role a mutation's description states on its last line, as the server writes it
 * from the mutation's access rule: "Writers: ADMIN", "Writers: STAFF", "Writers: any signed-in
 * user (their own)" (a role includes those above it); none where the line is missing.
 */
export function statedWriters(description: string | undefined): Identity['role'] | undefined {
  const last = description?.trimEnd().split('\n').pop() ?? '';
  if (!last.startsWith(WRITERS)) return undefined;
  const who = last.slice(WRITERS.length);
  if (/\bany signed-in user\b/.test(who)) return 'USER';
  if (/\bSTAFF\b/.test(who)) return 'STAFF';
  if (/\bADMIN\b/.test(who)) return 'ADMIN';
  return undefined;
}

/**
 * Who may write a resource, as the schema states it: none where its mutation does not exist
 * or states no writers, else the least role its description's last line names.
 */
export function writersOf(r: ResourceModel, action: Action): Identity['role'] | undefined {
  const exists = action === 'create' ? !!r.create : action === 'edit' ? !!r.update : !!(r.delete || r.bulkDelete);
  if (!exists) return undefined;
  const d = r.writeDescriptions;
  return statedWriters(action === 'create' ? d.create : action === 'edit' ? d.update : d.delete);
}

/** Whether a caller of this role is offered the write; the API still decides each request. */
export function mayWrite(role: Identity['role'] | undefined, r: ResourceModel | undefined, action: Action): boolean {
  if (!role || !r) return false;
  const writers = writersOf(r, action);
  return !!writers && rank[role] >= rank[writers];
}

export function createAuthProvider(executeWith: (token: string | null) => Execute, model: Model): AuthProvider {
  const identity = (): Identity | null => {
    const s = sessionStorage.getItem(IDENTITY);
    return s ? (JSON.parse(s) as Identity) : null;
  };
  return {
    async login({ token }: { token: string }) {
      const key = (token ?? '').trim().replace(/^(Bearer|Token)\s+/i, '');
      if (!key) throw new Error('Paste an API token.');
      let data;
      try {
        // myRole is the role the API itself gives the caller: their own, their groups' (a
        // group's configured name included) and their token's, by the one rule of security.md
        data = await executeWith(key)('{ me { id username displayName } myRole }');
      } catch (e) {
        throw new Error(`The token was not accepted: ${(e as Error).message}`);
      }
      const me = data.me;
      if (!me) throw new Error('The token was not accepted.');
      const role: Identity['role'] = data.myRole in rank ? data.myRole : 'USER';
      sessionStorage.setItem(TOKEN, key);
      sessionStorage.setItem(IDENTITY, JSON.stringify({ id: me.id, fullName: me.displayName ?? me.username, role }));
    },
    async logout() {
      sessionStorage.removeItem(TOKEN);
      sessionStorage.removeItem(IDENTITY);
    },
    // anonymous callers may read: every page is open
    async checkAuth() {},
    async checkError(error: { status?: number }) {
      if (error?.status === 401 && storedToken()) {
        sessionStorage.removeItem(TOKEN);
        sessionStorage.removeItem(IDENTITY);
        throw new Error('Your token is no longer accepted; sign in again.');
      }
    },
    async getIdentity() {
      const me = identity();
      return me ? { id: me.id, fullName: `${me.fullName} (${me.role})` } : { id: '', fullName: 'Anonymous (read-only)' };
    },
    async getPermissions() {
      return identity()?.role ?? null;
    },
    async canAccess({ action, resource }: { action: string; resource: string }) {
      if (['list', 'show', 'export'].includes(action)) return true;
      if (action !== 'create' && action !== 'edit' && action !== 'delete') return false;
      return mayWrite(identity()?.role, model.byName[resource], action);
    },
  };
}
