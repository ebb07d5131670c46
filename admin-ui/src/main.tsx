import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { subscriptionClient, webSocketUrl } from './api';
import { createAuthProvider, storedToken } from './auth';
import { checkOverrides, applyOverrides } from './overrides';
import { createDataProvider, httpExecute } from './provider';
import { buildModel } from './schema';

const endpoint = new URL('../graphql', window.location.href.replace(/#.*$/, '')).pathname;

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const schema = (await httpExecute(endpoint, () => null)(getIntrospectionQuery())) as IntrospectionQuery;
    const model = buildModel(schema);
    for (const problem of checkOverrides(model)) console.warn(problem);
    applyOverrides(model);
    const execute = httpExecute(endpoint, storedToken);
    const dataProvider = createDataProvider(model, execute);
    const authProvider = createAuthProvider((token) => httpExecute(endpoint, () => token), model);
    const api = { model, execute, subscriptions: subscriptionClient(webSocketUrl(endpoint, window.location), storedToken) };
    root.render(<App api={api} dataProvider={dataProvider} authProvider={authProvider} />);
  } catch (e) {
    root.render(
      <main style={{ fontFamily: 'sans-serif', padding: 32 }}>
        <h1>Cores admin</h1>
        <p role="alert">The API's schema could not be read: {(e as Error).message}</p>
      </main>,
    );
  }
}

start();
