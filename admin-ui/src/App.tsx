// The admin application: one resource per Node type with a root connection, grouped in the
// menu by overrides.ts, with the views generated from the model.
import { Alert, Box, Button as MuiButton, Card, CardContent, Divider, ListSubheader, TextField as MuiTextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, type FormEvent } from 'react';
import {
  Admin,
  AppBar,
  CustomRoutes,
  Layout,
  LoadingIndicator,
  Menu,
  Resource,
  TitlePortal,
  ToggleThemeButton,
  useGetIdentity,
  useLogin,
  useLogout,
  useNotify,
  type AuthProvider,
  type DataProvider,
  type LayoutProps,
} from 'react-admin';
import { Link, Route } from 'react-router-dom';
import { ApiContext, type Api } from './api';
import { startSignIn, type OidcSettings } from './oidc';
import { overrides } from './overrides';
import { ConflictFeed, Dashboard, JobDefinitions } from './screens';
import { darkTheme, lightTheme } from './theme';
import { displayField, type Model } from './schema';
import { makeCreate, makeEdit, makeList, makeShow, resourceLabel } from './views';

/**
 * The sign-in the server offers besides the API token (none: oidc null), and why a sign-in at
 * the provider just failed, told once.
 */
export interface SignInOptions {
  oidc: OidcSettings | null;
  takeError: () => string | null;
}

const SignInContext = createContext<SignInOptions>({ oidc: null, takeError: () => null });

function SignIn() {
  const login = useLogin();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { oidc, takeError } = useContext(SignInContext);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [providerError, setProviderError] = useState<string | null>(takeError);
  const [leaving, setLeaving] = useState(false);
  const viaProvider = async () => {
    setProviderError(null);
    setLeaving(true);
    try {
      await startSignIn(oidc!);
    } catch (err) {
      setProviderError((err as Error).message);
      setLeaving(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await login({ token }, '/');
      // who is signed in, and what they may do, is asked again
      await queryClient.invalidateQueries({ queryKey: ['auth'] });
    } catch (err) {
      setError((err as Error).message);
      notify((err as Error).message, { type: 'error' });
    }
  };
  return (
    <Box component="main" sx={{ display: 'flex', justifyContent: 'center', mt: 10 }}>
      <Card sx={{ width: 480 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Sign in to Cores
          </Typography>
          <Typography variant="body2" gutterBottom>
            Paste an API token. It is kept for this browser tab only. Without one you can browse read-only.
          </Typography>
          <form onSubmit={submit} aria-label="Sign in">
            <MuiTextField
              label="API token"
              name="token"
              type="password"
              autoFocus
              fullWidth
              margin="normal"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              error={!!error}
              helperText={error ?? ' '}
              autoComplete="off"
            />
            <Box sx={{ display: 'flex', gap: 2 }}>
              <MuiButton type="submit" variant="contained">
                Sign in
              </MuiButton>
              <MuiButton component={Link} to="/">
                Browse read-only
              </MuiButton>
            </Box>
          </form>
          {oidc && (
            <Box component="section" aria-label="Identity provider" sx={{ mt: 3 }}>
              <Divider sx={{ mb: 2 }}>or</Divider>
              <MuiButton variant="outlined" fullWidth disabled={leaving} onClick={viaProvider}>
                Sign in with {oidc.name}
              </MuiButton>
            </Box>
          )}
          {providerError && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {providerError}
            </Alert>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}

function SignInOut() {
  const { identity } = useGetIdentity();
  const logout = useLogout();
  const queryClient = useQueryClient();
  const signedIn = !!identity?.id;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Typography variant="body2" className="identity" sx={{ display: { xs: 'none', sm: 'block' } }}>
        {identity?.fullName}
      </Typography>
      {signedIn ? (
        <MuiButton color="inherit" onClick={() => logout({}, '/login').then(() => queryClient.invalidateQueries({ queryKey: ['auth'] }))}>
          Sign out
        </MuiButton>
      ) : (
        <MuiButton color="inherit" component={Link} to="/login">
          Sign in
        </MuiButton>
      )}
    </Box>
  );
}

const BarTools = () => (
  <>
    <ToggleThemeButton />
    <LoadingIndicator />
    <SignInOut />
  </>
);

const Bar = () => (
  <AppBar userMenu={false} toolbar={<BarTools />}>
    <TitlePortal />
  </AppBar>
);

/** The domain screens beside the generated resources, in the menu group they belong to. */
const screens: { path: string; label: string; group: string; needs: string }[] = [
  { path: '/conflict-feed', label: 'Conflict feed', group: 'Live', needs: 'scanConflicts' },
  { path: '/job-definitions', label: 'Job definitions', group: 'Jobs', needs: 'jobs' },
];

function makeMenu(model: Model) {
  const grouped = new Map<string, string[]>();
  for (const g of [...overrides.groups, 'Other']) grouped.set(g, []);
  for (const r of model.resources) grouped.get(overrides.resources[r.name]?.group ?? 'Other')!.push(r.name);
  const ours = screens.filter((x) => model.byName[x.needs]);
  return function GroupedMenu() {
    return (
      <Menu aria-label="Resources">
        <Menu.DashboardItem primaryText="Dashboard" />
        {[...grouped].filter(([group, names]) => names.length || ours.some((x) => x.group === group)).map(([group, names]) => (
          <Box key={group} component="li" sx={{ listStyle: 'none' }}>
            <ListSubheader component="div" disableSticky sx={{ lineHeight: '32px', bgcolor: 'transparent' }}>
              {group}
            </ListSubheader>
            <Box component="ul" sx={{ p: 0, m: 0 }}>
              {ours
                .filter((x) => x.group === group)
                .map((x) => (
                  <Menu.Item key={x.path} to={x.path} primaryText={x.label} />
                ))}
              {names.map((n) => (
                <Menu.ResourceItem key={n} name={n} />
              ))}
            </Box>
          </Box>
        ))}
      </Menu>
    );
  };
}

/** Menu order: the groups' order, then the overrides' order; the first one is the start page. */
function ordered(model: Model) {
  const groups = [...overrides.groups, 'Other'];
  const names = Object.keys(overrides.resources);
  const rank = (n: string) => {
    const g = groups.indexOf(overrides.resources[n]?.group ?? 'Other');
    const i = names.indexOf(n);
    return g * 1000 + (i < 0 ? 999 : i);
  };
  return [...model.resources].sort((a, b) => rank(a.name) - rank(b.name));
}

export function App({
  api,
  dataProvider,
  authProvider,
  signIn,
}: {
  api: Api;
  dataProvider: DataProvider;
  authProvider: AuthProvider;
  signIn: SignInOptions;
}) {
  const model = api.model;
  const resources = ordered(model);
  const GroupedMenu = makeMenu({ ...model, resources });
  const AppLayout = ({ children }: LayoutProps) => (
    <Layout appBar={Bar} menu={GroupedMenu}>
      {children}
    </Layout>
  );
  return (
    <ApiContext.Provider value={api}>
    <SignInContext.Provider value={signIn}>
    <Admin
      title="Cores"
      dataProvider={dataProvider}
      authProvider={authProvider}
      loginPage={SignIn}
      layout={AppLayout}
      dashboard={Dashboard}
      theme={lightTheme}
      darkTheme={darkTheme}
      disableTelemetry
    >
      <CustomRoutes>
        <Route path="/conflict-feed" element={<ConflictFeed />} />
        <Route path="/job-definitions" element={<JobDefinitions />} />
      </CustomRoutes>
      {resources.map((r) => (
        <Resource
          key={r.name}
          name={r.name}
          options={{ label: resourceLabel(r) }}
          recordRepresentation={displayField(r)}
          list={makeList(r, model)}
          show={makeShow(r, model)}
          edit={r.update ? makeEdit(r, model) : undefined}
          create={r.create ? makeCreate(r, model) : undefined}
        />
      ))}
    </Admin>
    </SignInContext.Provider>
    </ApiContext.Provider>
  );
}
