import { Chip } from '@mui/material';
import type { ReactElement } from 'react';
import {
  type FieldProps,
  SelectInput,
  type SelectInputProps,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { REGION_TIME_ZONE } from '../case/format';
import { type EnumName, ruEnums } from '../i18n/enums';
import { intlLocale } from '../i18n/i18nProvider';

/** `2026-03-01` (a LocalDate, no time zone) or an ISO instant, in the UI's conventions. */
export function formatDate(value: string | null | undefined, locale: string, withTime = false): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'short',
    ...(withTime ? { timeStyle: 'short' } : {}),
    // A date is a calendar day as written; an instant is shown in the region's time (the server
    // counts days in it), whatever the browser's zone.
    timeZone: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : REGION_TIME_ZONE,
  }).format(date);
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

function valueAt(record: Record<string, unknown> | undefined, source: string): unknown {
  return source
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], record);
}

export function DateText({ source, withTime }: FieldProps & { withTime?: boolean }): ReactElement {
  const record = useRecordContext();
  const [locale = 'ru'] = useLocaleState();
  return <span>{formatDate(valueAt(record, source) as string | null, locale, withTime)}</span>;
}

/** An enum value translated through `enums.<Enum>.<VALUE>`. */
export function EnumText({ source, enumName }: FieldProps & { enumName: string }): ReactElement {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = valueAt(record, source);
  const values = Array.isArray(value) ? value : value == null ? [] : [value];
  return (
    <span>{values.map((v) => translate(`enums.${enumName}.${String(v)}`, { _: String(v) })).join(', ')}</span>
  );
}

export function enumChoices(translate: (key: string) => string, enumName: string, values: string[]) {
  return values.map((id) => ({ id, name: translate(`enums.${enumName}.${id}`) }));
}

export function EnumInput({
  enumName,
  values,
  ...props
}: Omit<SelectInputProps, 'choices'> & { enumName: string; values: string[] }): ReactElement {
  const translate = useTranslate();
  return <SelectInput {...props} choices={enumChoices(translate, enumName, values)} />;
}

/** "3 дня просрочки" in red, or "в срок". Colour is never the only signal (WCAG 1.4.1). */
export function LateBadge({ source }: FieldProps): ReactElement {
  const record = useRecordContext();
  const translate = useTranslate();
  const days = Number(valueAt(record, source) ?? 0);
  return days > 0 ? (
    <Chip color="error" size="small" label={translate('app.days_late', { smart_count: days })} />
  ) : (
    <Chip size="small" variant="outlined" label={translate('app.on_time')} />
  );
}

export function FullName({ source = '' }: Partial<FieldProps>): ReactElement {
  const record = useRecordContext();
  const person = (source ? valueAt(record, source) : record) as
    | { lastName?: string; firstName?: string; patronymic?: string | null }
    | undefined;
  return <span>{[person?.lastName, person?.firstName, person?.patronymic].filter(Boolean).join(' ')}</span>;
}

/** Values of the graph's enums the screens offer as choices, in the schema's order. */
export const ENUMS = Object.fromEntries(
  Object.entries(ruEnums).map(([name, values]) => [name, Object.keys(values)]),
) as { [K in EnumName]: string[] };
