// Sign-in with an API token, or with the access token of the identity provider (oidc.ts), kept
// for the browser tab (sessionStorage) and sent alike. Anonymous callers browse read-only; what a role may not write (docs/security.md) is not offered, as read from
// the schema's mutations and their descriptions.
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

/**
 * The least role a mutation's description names: "Admins only" (or "admins only" anywhere),
 * "STAFF" at its start, or a write of the caller's own ("for the caller", "for yourself",
 * "the caller's own"), which every signed-in user may make; none when it names none.
 */
export function statedRole(description: string | undefined): Identity['role'] | undefined {
  if (!description) return undefined;
  if (/\badmins only\b/i.test(description)) return 'ADMIN';
  if (/^STAFF\b/.test(description)) return 'STAFF';
  if (/\b(for the caller|for yourself|the caller's own|their own)\b/i.test(description)) return 'USER';
  return undefined;
}

/**
 * Who may write a resource, read from the schema: none where its mutation does not exist; the
 * role the mutation's description names; else the role its create names; else staff, who
 * write the generic types (docs/security.md).
 */
export function writersOf(r: ResourceModel, action: Action): Identity['role'] | undefined {
  const exists = action === 'create' ? !!r.create : action === 'edit' ? !!r.update : !!(r.delete || r.bulkDelete);
  if (!exists) return undefined;
  const d = r.writeDescriptions;
  const own = statedRole(action === 'create' ? d.create : action === 'edit' ? d.update : d.delete);
  return own ?? statedRole(d.create) ?? 'STAFF';
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
