// The admin's light and dark themes (react-admin's, switched in the app bar), with a visible
// outline on the control that has the keyboard's focus: MUI marks it only with a faint ripple.
import type { ThemeOptions } from '@mui/material';
import { defaultDarkTheme, defaultLightTheme } from 'react-admin';

const focusOutline = { outline: '2px solid currentColor', outlineOffset: '2px' };

export function withVisibleFocus(theme: ThemeOptions): ThemeOptions {
  return {
    ...theme,
    components: {
      ...theme.components,
      MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': focusOutline } } },
      MuiCssBaseline: { styleOverrides: { 'a:focus-visible': focusOutline } },
    },
  };
}

export const lightTheme = withVisibleFocus(defaultLightTheme);
export const darkTheme = withVisibleFocus(defaultDarkTheme);
