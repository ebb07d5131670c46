import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { createRoot } from 'react-dom/client';
import { App } from './App';
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
    const dataProvider = createDataProvider(model, httpExecute(endpoint, storedToken));
    const authProvider = createAuthProvider((token) => httpExecute(endpoint, () => token));
    root.render(<App model={model} dataProvider={dataProvider} authProvider={authProvider} />);
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
