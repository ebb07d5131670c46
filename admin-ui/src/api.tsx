// What the domain screens share: the model, the API over HTTP and its subscriptions over
// WebSocket (graphql-ws, with the signed-in token in connectionParams).
import { createClient, type Client } from 'graphql-ws';
import { createContext, useContext, useEffect, useRef } from 'react';
import type { Execute } from './provider';
import type { Model } from './schema';

export interface Api {
  model: Model;
  execute: Execute;
  /** A new graphql-ws client with the token signed in now; the caller disposes it. */
  subscriptions: () => Client;
}

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('no API in context');
  return api;
}

/** The WebSocket address of the API beside the page: ws(s)://host/graphql. */
export function webSocketUrl(endpoint: string, location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${endpoint}`;
}

export function subscriptionClient(url: string, token: () => string | null): () => Client {
  return () =>
    createClient({
      url,
      lazy: true,
      retryAttempts: 5,
      connectionParams: () => {
        const t = token();
        return t ? { Authorization: `Bearer ${t}` } : {};
      },
    });
}

/**
 * Subscribes while the component is shown: each event's data goes to onData, a failure to
 * onError. A new subscription starts when the query or its variables change.
 */
export function useSubscription(
  query: string,
  variables: Record<string, unknown> | undefined,
  onData: (data: any) => void,
  onError: (message: string) => void,
  onStatus?: (status: 'connecting' | 'live' | 'closed') => void,
) {
  const { subscriptions } = useApi();
  const handlers = useRef({ onData, onError, onStatus });
  handlers.current = { onData, onError, onStatus };
  const key = JSON.stringify([query, variables ?? null]);
  useEffect(() => {
    if (variables === undefined && /\$\w+/.test(query.split('{')[0])) return; // waits for its variables
    const client = subscriptions();
    const offs = [
      client.on('connected', () => handlers.current.onStatus?.('live')),
      client.on('closed', () => handlers.current.onStatus?.('closed')),
      client.on('connecting', () => handlers.current.onStatus?.('connecting')),
    ];
    const stop = client.subscribe(
      { query, variables },
      {
        next: (msg) => {
          if (msg.errors?.length) handlers.current.onError(msg.errors.map((e) => e.message).join('\n'));
          else if (msg.data) handlers.current.onData(msg.data);
        },
        error: (e) => handlers.current.onError(describe(e)),
        complete: () => {},
      },
    );
    return () => {
      offs.forEach((off) => off());
      stop();
      client.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, subscriptions]);
}

function describe(e: unknown): string {
  if (Array.isArray(e)) return e.map((x) => x?.message ?? String(x)).join('\n');
  if (e && typeof e === 'object' && 'reason' in e) return `The live connection closed: ${(e as CloseEvent).reason || (e as CloseEvent).code}`;
  return (e as Error)?.message ?? String(e);
}
