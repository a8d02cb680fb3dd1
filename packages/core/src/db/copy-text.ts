import { createRequire } from 'node:module';
import {
  type EntityMetadata,
  type EntityProperty,
  isRaw,
  type Platform,
  ReferenceKind,
  Utils,
  wrap,
} from '@mikro-orm/postgresql';

/** pg's serialisation of a bound parameter (Dates, arrays, objects), as its INSERT would send it. */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(value: unknown): string | Buffer | null;
};

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A value in COPY's text format, as pg would have bound it for INSERT. Strings, numbers and
 * booleans, nearly every value of a generated row, skip pg's serialiser and the escaping regex.
 */
export function copyText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return '\\N';
  }
  if (value === null) return '\\N';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  const text = prepareValue(value);
  return text === null ? '\\N' : copyText(String(text));
}

/** One column of an entity's table: how a row's value for it is found and written. */
interface Column {
  name: string;
  /** The database value of the row's property; undefined when the row has none (the column's default). */
  read(row: Record<string, unknown>): unknown;
  text(value: unknown): string;
}

/**
 * What COPY writes for an entity's rows: the columns of MikroORM's insert payload (its snapshot:
 * scalars through their custom types, relations as their keys, inline embeddables flattened; the
 * generated and virtual properties left out), each row as one line of COPY text. Rows are plain
 * objects with the entity's property names, entity instances or the sink's rows alike.
 */
export class RowEncoder {
  readonly columns: Column[];

  constructor(meta: EntityMetadata, platform: Platform) {
    this.columns = [];
    const root = (prop: EntityProperty): EntityProperty =>
      prop.embedded ? root(meta.properties[prop.embedded[0]] as EntityProperty) : prop;
    for (const prop of meta.comparableProps as EntityProperty[]) {
      // Children of an embeddable are written through it, as the snapshot does.
      if (prop !== root(prop) && root(prop).kind === ReferenceKind.EMBEDDED) continue;
      if (prop.generated || prop.persist === false || prop.formula) continue;
      this.columns.push(...columnsOf(meta, prop, platform));
    }
  }

  /**
   * The row's COPY line. A column the row has no value for (nor the entity a default) is left out
   * so that the database's default applies: `missing` gets its position, and the line holds the
   * other columns only.
   */
  line(row: Record<string, unknown>, missing: number[]): string {
    let line = '';
    let first = true;
    for (let i = 0; i < this.columns.length; i += 1) {
      const column = this.columns[i]!;
      const value = column.read(row);
      if (value === undefined) {
        missing.push(i);
        continue;
      }
      line += first ? column.text(value) : `\t${column.text(value)}`;
      first = false;
    }
    return `${line}\n`;
  }
}

function columnsOf(meta: EntityMetadata, prop: EntityProperty, platform: Platform): Column[] {
  const where = `${meta.className}.${prop.name}`;
  if (prop.kind === ReferenceKind.EMBEDDED) {
    if (prop.object || prop.array) throw new Error(`${where}: JSON embeddables are not written with COPY`);
    const children = (meta.props as EntityProperty[]).filter(
      (p) => p.embedded?.[0] === prop.name && p.persist !== false,
    );
    return children.map((child) => {
      if (child.kind !== ReferenceKind.SCALAR) throw new Error(`${where}: nested embeddables`);
      const key = child.embedded![1];
      const [scalar] = columnsOf(
        meta,
        { ...child, name: key, embedded: undefined } as EntityProperty,
        platform,
      );
      return {
        name: scalar!.name,
        read: (row) => {
          const parent = row[prop.name] as Record<string, unknown> | null | undefined;
          if (parent === null) return null;
          if (parent === undefined) return undefined;
          return scalar!.read(parent);
        },
        text: scalar!.text,
      };
    });
  }
  if (prop.fieldNames.length !== 1) throw new Error(`${where}: composite columns are not written with COPY`);
  const name = platform.quoteIdentifier(prop.fieldNames[0]!);
  const fallback = prop.default != null && !isRaw(prop.default) ? prop.default : undefined;
  if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
    const target = prop.targetMeta!;
    if (target.primaryKeys.length !== 1)
      throw new Error(`${where}: composite keys are not written with COPY`);
    const pk = target.primaryKeys[0]!;
    const key = target.properties[pk] as EntityProperty;
    const convert = key.customType
      ? (v: unknown) => key.customType!.convertToDatabaseValue(v, platform, { mode: 'serialization' })
      : (v: unknown) => v;
    return [
      {
        name,
        read: (row) => {
          const value = row[prop.name] === undefined ? fallback : row[prop.name];
          if (value == null || typeof value !== 'object') return value;
          // A relation holds a row (or a key-only reference): the column is its key.
          if (Utils.isEntity(value, true)) return convert(wrap(value, true).getPrimaryKey());
          return convert((value as Record<string, unknown>)[pk]);
        },
        text: copyText,
      },
    ];
  }
  if (prop.kind !== ReferenceKind.SCALAR) throw new Error(`${where}: ${prop.kind} is not written with COPY`);
  if (prop.customType && 'convertToDatabaseValueSQL' in prop.customType) {
    throw new Error(`COPY cannot apply the SQL conversion of ${where}`);
  }
  const type = prop.customType;
  const json = prop.columnTypes?.[0]?.startsWith('json') ?? false;
  const timestamptz = /^timestamp.*(tz|with time zone)/.test(prop.columnTypes?.[0] ?? '');
  const text = (value: unknown): string => {
    if (json && typeof value !== 'string') return copyText(JSON.stringify(value));
    // The same instant as pg's local-time text, without its per-field formatting.
    if (timestamptz && value instanceof Date) return value.toISOString();
    return copyText(value);
  };
  return [
    {
      name,
      read: type
        ? (row) => {
            const value = row[prop.name] === undefined ? fallback : row[prop.name];
            return value == null
              ? value
              : type.convertToDatabaseValue(value, platform, { mode: 'serialization' });
          }
        : (row) => (row[prop.name] === undefined ? fallback : row[prop.name]),
      text,
    },
  ];
}
