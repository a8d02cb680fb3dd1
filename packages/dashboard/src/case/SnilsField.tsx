import { type FieldProps, useRecordContext } from 'react-admin';
import { formatSnils } from './format';

/** СНИЛС as people write it, `XXX-XXX-XXX YY` (the graph keeps the 11 digits). */
export function SnilsField({ source = 'snils' }: Partial<FieldProps>) {
  const record = useRecordContext<Record<string, unknown>>();
  return <span>{formatSnils(record?.[source] as string | undefined)}</span>;
}
