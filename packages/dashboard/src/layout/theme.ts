import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * WCAG 2.1 AA: text colours with at least 4.5:1 contrast on white, and a focus ring that shows
 * on every focusable element when reached by keyboard (2.4.7).
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#0d47a1', contrastText: '#ffffff' },
    secondary: { main: '#1a237e', contrastText: '#ffffff' },
    error: { main: '#b71c1c' },
    success: { main: '#1b5e20' },
    text: { primary: '#1a1a1a', secondary: '#424242' },
    background: { default: '#f5f5f5', paper: '#ffffff' },
  },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        '*:focus-visible': { outline: '3px solid #ff6f00', outlineOffset: '2px' },
      },
    },
    // MUI's buttons, links-as-buttons, tabs and menu items reset `outline` and show focus by a
    // faint ripple only: the same ring as everything else, wherever the keyboard lands (2.4.7).
    MuiButtonBase: {
      styleOverrides: {
        root: {
          '&.Mui-focusVisible, &:focus-visible': { outline: '3px solid #ff6f00', outlineOffset: '2px' },
        },
      },
    },
    // react-admin's loading indicators are progress bars; each needs a name (WCAG 4.1.2).
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Загрузка…' } },
    MuiLinearProgress: { defaultProps: { 'aria-label': 'Загрузка…' } },
    // An empty list's message is greyed to half opacity by react-admin: below 4.5:1 (1.4.3).
    RaEmpty: {
      styleOverrides: {
        root: { '& .RaEmpty-message': { opacity: 1, color: '#424242' } },
      },
    },
  },
};
