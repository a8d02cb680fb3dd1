import polyglotI18nProvider from 'ra-i18n-polyglot';
import { mergeTranslations } from 'react-admin';
import { workQueueMessages } from '../workqueue/messages';
import { createdNotices } from '../workqueue/notices';
import { en } from './en';
import { ru } from './ru';

const messages = {
  ru: mergeTranslations(ru, workQueueMessages.ru, createdNotices.ru),
  en: mergeTranslations(en, workQueueMessages.en, createdNotices.en),
};

/** Russian first; English on request (the choice is kept by react-admin's store). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? messages.en : messages.ru),
  'ru',
  [
    { locale: 'ru', name: 'Русский' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);

/** Intl locale tag for the UI locale: dates as 31.12.2026, numbers as 1 234,5. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'ru-RU';
}
