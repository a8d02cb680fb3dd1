import type { ReactNode } from 'react';
import {
  AppBar,
  Logout,
  Layout as RaLayout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { ChangePasswordMenuItem } from '../password/ChangePassword';
import { useKeyboardRows } from './keyboardRows';

/** react-admin's layout with a "skip to content" link first in the tab order (WCAG 2.4.1). */
export function Layout({ children }: { children: ReactNode }) {
  const translate = useTranslate();
  useKeyboardRows();
  return (
    <>
      <a
        href="#main-content"
        className="skip-link"
        style={{ position: 'absolute', left: -10000, top: 0, zIndex: 2000, background: '#fff', padding: 8 }}
        onFocus={(e) => {
          e.currentTarget.style.left = '8px';
        }}
        onBlur={(e) => {
          e.currentTarget.style.left = '-10000px';
        }}
      >
        {translate('app.skip_to_content')}
      </a>
      <RaLayout appBar={NamedAppBar}>{children}</RaLayout>
    </>
  );
}

/**
 * The user menu's button shows the user's name; its accessible name must contain that visible
 * text (WCAG 2.5.3), so the name is its label too.
 */
function NamedUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'}>
      <ChangePasswordMenuItem />
      <Logout />
    </UserMenu>
  );
}

/** The page's title (each screen sets it with `<Title>`) is its one `h1` (WCAG 1.3.1, 2.4.6). */
function NamedAppBar() {
  return (
    <AppBar userMenu={<NamedUserMenu />}>
      <TitlePortal component="h1" />
    </AppBar>
  );
}
