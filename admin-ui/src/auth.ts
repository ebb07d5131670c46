// Sign-in with an API token, kept for the browser tab (sessionStorage). Anonymous callers
// browse read-only; what a role may not write (docs/security.md) is not offered.
import type { AuthProvider } from 'react-admin';
import type { Execute } from './provider';

const TOKEN = 'cores.token';
const IDENTITY = 'cores.identity';

export interface Identity {
  id: string;
  fullName: string;
  role: 'ADMIN' | 'STAFF' | 'USER';
}

export const storedToken = () => sessionStorage.getItem(TOKEN);

const rank = { USER: 1, STAFF: 2, ADMIN: 3 } as const;

/** The resources each role may write, as far as the client knows; the API decides. */
export function mayWrite(role: Identity['role'] | undefined, resource: string): boolean {
  if (!role) return false;
  if (role === 'ADMIN') return true;
  if (role === 'STAFF') return !['users', 'groups', 'agents', 'objectChanges', 'jobs'].includes(resource);
  return ['bookings', 'reservations', 'tokens'].includes(resource);
}

export function createAuthProvider(executeWith: (token: string | null) => Execute): AuthProvider {
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
        data = await executeWith(key)('{ me { id username displayName role groups(first: 100) { nodes { role } } } }');
      } catch (e) {
        throw new Error(`The token was not accepted: ${(e as Error).message}`);
      }
      const me = data.me;
      if (!me) throw new Error('The token was not accepted.');
      const roles: Identity['role'][] = [me.role, ...(me.groups?.nodes ?? []).map((g: { role: Identity['role'] }) => g.role)];
      const role = roles.reduce((a, b) => (rank[b] > rank[a] ? b : a), 'USER' as Identity['role']);
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
      return mayWrite(identity()?.role, resource);
    },
  };
}
