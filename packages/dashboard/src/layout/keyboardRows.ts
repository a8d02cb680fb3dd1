import { useEffect } from 'react';

const CLICKABLE_ROW = 'tr.RaDatagrid-clickableRow';

/**
 * Keyboard use of the whole dashboard. react-admin's list rows open on a mouse click only. Every clickable row of every list becomes a
 * stop of the Tab order that Enter opens, as the click would (WCAG 2.1.1), in one place for all
 * lists rather than in each of them.
 */
export function useKeyboardRows(): void {
  useEffect(() => {
    const mark = () => {
      for (const row of document.querySelectorAll<HTMLTableRowElement>(`${CLICKABLE_ROW}:not([tabindex])`)) {
        row.tabIndex = 0;
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    // With hash routing the skip link's `#main-content` would be read as a route: it moves the
    // focus to react-admin's main content instead, so the next Tab is the page's first control.
    const onClick = (event: MouseEvent) => {
      if (!(event.target as HTMLElement | null)?.closest('a.skip-link')) return;
      const main = document.getElementById('main-content');
      if (!main) return;
      event.preventDefault();
      main.tabIndex = -1;
      main.focus();
      main.scrollIntoView();
    };
    document.addEventListener('click', onClick);
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key === 'Enter' && target?.matches(CLICKABLE_ROW)) {
        event.preventDefault();
        target.click();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('click', onClick);
    };
  }, []);
}
