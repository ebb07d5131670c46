import { getIntrospectionQuery } from 'graphql';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { subscriptionClient, webSocketUrl } from './api';
import { createAuthProvider, storedToken } from './auth';
import { completeSignIn, readOidcSettings } from './oidc';
import { checkOverrides, applyOverrides } from './overrides';
import { createDataProvider, httpExecute } from './provider';
import { buildModel } from './schema';
import { fetchSnapshot, readSchema } from './startup';

const endpoint = new URL('../graphql', window.location.href.replace(/#.*$/, '')).pathname;

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const beside = (file: string) => new URL(file, window.location.href.replace(/[?#].*$/, '')).pathname;
    const oidc = readOidcSettings(beside('sign-in.json'));
    // a server with introspection switched off: the snapshot of its schema the build put beside us
    const { schema, source } = await readSchema(
      () => httpExecute(endpoint, () => null)(getIntrospectionQuery()),
      fetchSnapshot(beside('schema.json')),
    );
    if (source === 'snapshot') console.warn("The API's schema was read from the build's snapshot: introspection is switched off");
    const model = buildModel(schema);
    for (const problem of checkOverrides(model)) console.warn(problem);
    applyOverrides(model);
    const execute = httpExecute(endpoint, storedToken);
    const dataProvider = createDataProvider(model, execute);
    const authProvider = createAuthProvider((token) => httpExecute(endpoint, () => token), model);
    const api = { model, execute, subscriptions: subscriptionClient(webSocketUrl(endpoint, window.location), storedToken) };
    // back from the identity provider: signed in (on the dashboard), or why not (on the login page)
    let signInError = await completeSignIn((token) => authProvider.login({ token }));
    const takeError = () => {
      const e = signInError;
      signInError = null;
      return e;
    };
    root.render(<App api={api} dataProvider={dataProvider} authProvider={authProvider} signIn={{ oidc: await oidc, takeError }} />);
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
