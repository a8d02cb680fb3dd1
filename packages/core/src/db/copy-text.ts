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

/** One column of an entity's table: where a row holds its value, and how it is written. */
interface Column {
  /** The column's name, quoted. */
  name: string;
  /** The row's property; for a column of an inline embeddable, the embeddable's property in it. */
  property: string;
  child: string | null;
  /** The entity's default, for a row without a value. */
  fallback: unknown;
  /** The database value of a value that is not null: a relation's key, a custom type's conversion. */
  convert: ((value: unknown) => unknown) | null;
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
  /**
   * The row's COPY line. A column the row has no value for (nor the entity a default) is left out
   * so that the database's default applies: `missing` gets its position, and the line holds the
   * other columns only.
   */
  readonly line: (row: Record<string, unknown>, missing: number[]) => string;

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
    this.line = compileLine(this.columns);
  }
}

/**
 * The line function of an entity's columns, compiled as MikroORM compiles its snapshots: a read of
 * a property whose name is only known at run time is a slow lookup shared by every column and
 * entity, while here each column's read is a plain property access the engine optimises.
 */
function compileLine(columns: readonly Column[]): RowEncoder['line'] {
  const key = (name: string) => `[${JSON.stringify(name)}]`;
  const body = columns
    .map((c, i) => {
      const read =
        c.child === null
          ? `row${key(c.property)}`
          : `(p = row${key(c.property)}) == null ? p : p${key(c.child)}`;
      return `
  v = ${read};
  if (v === undefined) v = fallback[${i}];
  if (v === undefined) missing.push(${i});
  else {${c.convert ? `\n    if (v !== null) v = convert[${i}](v);` : ''}
    line += first ? text[${i}](v) : '\\t' + text[${i}](v);
    first = false;
  }`;
    })
    .join('');
  const code = `return function line(row, missing) {\n  let line = '', first = true, v, p;${body}\n  return line + '\\n';\n}`;
  return new Function('fallback', 'convert', 'text', code)(
    columns.map((c) => c.fallback),
    columns.map((c) => c.convert),
    columns.map((c) => c.text),
  );
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
      const [scalar] = columnsOf(meta, child, platform);
      return { ...scalar!, property: prop.name, child: child.embedded![1] };
    });
  }
  if (prop.fieldNames.length !== 1) throw new Error(`${where}: composite columns are not written with COPY`);
  const column = {
    name: platform.quoteIdentifier(prop.fieldNames[0]!),
    property: prop.name,
    child: null,
    fallback: prop.default != null && !isRaw(prop.default) ? prop.default : undefined,
  };
  if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
    const target = prop.targetMeta!;
    if (target.primaryKeys.length !== 1)
      throw new Error(`${where}: composite keys are not written with COPY`);
    const pk = target.primaryKeys[0]!;
    const keyType = (target.properties[pk] as EntityProperty).customType;
    const key = (value: unknown) => {
      // A relation holds a row (or a key-only reference), or the key itself.
      if (typeof value !== 'object' || value === null) return value;
      if (Utils.isEntity(value, true)) return wrap(value, true).getPrimaryKey();
      return (value as Record<string, unknown>)[pk];
    };
    const convert = keyType
      ? (value: unknown) => keyType.convertToDatabaseValue(key(value), platform, { mode: 'serialization' })
      : key;
    return [{ ...column, convert, text: copyText }];
  }
  if (prop.kind !== ReferenceKind.SCALAR) throw new Error(`${where}: ${prop.kind} is not written with COPY`);
  const type = prop.customType;
  const columnType = prop.columnTypes?.[0] ?? '';
  // A json column's SQL conversion is only a cast to its own type, which COPY's text already is.
  if (columnType.startsWith('json')) {
    return [
      { ...column, convert: null, text: (v) => copyText(typeof v === 'string' ? v : JSON.stringify(v)) },
    ];
  }
  if (type && 'convertToDatabaseValueSQL' in type) {
    throw new Error(`COPY cannot apply the SQL conversion of ${where}`);
  }
  const convert = type
    ? (value: unknown) => type.convertToDatabaseValue(value, platform, { mode: 'serialization' })
    : null;
  if (/^timestamp.*(tz|with time zone)/.test(columnType)) {
    // The same instant as pg's local-time text, without its per-field formatting; rows created in
    // the same millisecond (every `createdAt` of a chunk, nearly) share the last one's text.
    let last = Number.NaN;
    let lastText = '';
    const text = (v: unknown) => {
      if (!(v instanceof Date)) return copyText(v);
      const time = v.getTime();
      if (time !== last) {
        lastText = v.toISOString();
        last = time;
      }
      return lastText;
    };
    return [{ ...column, convert, text }];
  }
  return [{ ...column, convert, text: copyText }];
}
