// Where the admin reads the API's schema: by introspection, or, where the server has
// introspection switched off, from the snapshot of the server's schema the build put beside
// the application (schema.json, written by AdminUiTest from the started server).
import type { IntrospectionQuery } from 'graphql';

export interface SchemaRead {
  schema: IntrospectionQuery;
  /** Where it came from: the server's introspection, or the build's snapshot. */
  source: 'introspection' | 'snapshot';
}

/** The introspection result; the snapshot when introspection fails; both failures when neither answers. */
export async function readSchema(introspect: () => Promise<unknown>, snapshot: () => Promise<unknown>): Promise<SchemaRead> {
  let failure: Error;
  try {
    return { schema: asIntrospection(await introspect(), 'the introspection'), source: 'introspection' };
  } catch (e) {
    failure = e as Error;
  }
  try {
    return { schema: asIntrospection(await snapshot(), 'the snapshot'), source: 'snapshot' };
  } catch (e) {
    throw new Error(`${failure.message}; the build's snapshot could not be read either: ${(e as Error).message}`);
  }
}

/** An introspection result as the server answers it ({ data: { __schema } }) or bare ({ __schema }). */
function asIntrospection(value: unknown, what: string): IntrospectionQuery {
  const v = value as { data?: { __schema?: unknown }; __schema?: unknown } | null;
  const schema = v?.data?.__schema ? v.data : v?.__schema ? v : undefined;
  if (!schema) throw new Error(`${what} holds no schema`);
  return schema as IntrospectionQuery;
}

/** The snapshot beside the application: ./schema.json, parsed (a missing file answers the index page). */
export function fetchSnapshot(url: string): () => Promise<unknown> {
  return async () => {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    if (!(res.headers.get('Content-Type') ?? '').includes('json')) throw new Error(`${url} is not JSON`);
    return res.json();
  };
}
