import {
  CommitOrderCalculator,
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  isRaw,
  type Primary,
  ReferenceKind,
  type RequiredEntityData,
  Utils,
  wrap,
} from '@mikro-orm/postgresql';
import { type CopySink, copyIn, countCopy } from './bulk-copy.js';
import { RowEncoder } from './copy-text.js';

/**
 * What code that builds new rows needs: `create` and `getReference`. The ORM's EntityManager has
 * both (its entities are flushed as usual), and so has a `RowSink` (its rows are written with COPY).
 */
export interface RowFactory {
  create<T extends object>(entityName: EntityClass<T>, data: RequiredEntityData<T>): T;
  getReference<T extends object>(entityName: EntityClass<T>, id: Primary<T>): T;
}

/** The per-entity facts `create` and `take` need, worked out once. */
interface Shape {
  meta: EntityMetadata;
  properties: Record<string, EntityProperty>;
  /** Properties whose default (or `onCreate`) fills them when the data leaves them out. */
  defaults: EntityProperty[];
  pk: string;
  encoder: RowEncoder | null;
}

/** The prototype of the sink's rows: MikroORM's per-property accessors live on the entity's. */
class Row {}

const rowClasses = new WeakMap<object, new () => Row>();

/**
 * A new entity's row: the class's initialisers run on an object of a `Row` class of its own. One
 * `Row` for every entity would do, but V8 keeps a single initial shape per `new.target`, so
 * alternating entities would rebuild it at every row (and every access to the rows would see a
 * different shape).
 */
function constructRow(entity: abstract new () => object): Record<string, unknown> {
  let target = rowClasses.get(entity);
  if (!target) {
    target = class extends Row {};
    rowClasses.set(entity, target);
  }
  return Reflect.construct(entity, [], target) as Record<string, unknown>;
}

/**
 * Rows for bulk writing, built from the entities' metadata without the ORM's entities. `create`
 * runs the entity class's initialisers on a plain object (so the row gets its id and defaults as
 * `em.create` would give them, but none of the accessors and helper MikroORM puts on an entity),
 * applies the data (relations given by key become key-only rows, embeddables their class's
 * instances) and the properties' defaults and `onCreate`. A row is typed as its entity and has its
 * properties, not its methods. `take` turns the rows created so far into COPY text, the columns
 * and values MikroORM's insert would carry; `write` sends them, tables in MikroORM's commit order
 * (parents first). Rows may still be changed until `take`.
 */
export class RowSink implements RowFactory {
  readonly #em: EntityManager;
  readonly #shapes = new Map<EntityClass<object>, Shape>();
  readonly #rows = new Map<Shape, Record<string, unknown>[]>();

  constructor(em: EntityManager) {
    this.#em = em;
  }

  /** How many rows wait for the next `take`. */
  get size(): number {
    let n = 0;
    for (const list of this.#rows.values()) n += list.length;
    return n;
  }

  create<T extends object>(entityName: EntityClass<T>, data: RequiredEntityData<T>): T {
    const shape = this.#shape(entityName);
    const row = constructRow(shape.meta.class);
    for (const name in data) {
      const prop = shape.properties[name];
      if (!prop) throw new Error(`${shape.meta.className} has no property ${name}`);
      row[name] = this.#value(prop, (data as Record<string, unknown>)[name]);
    }
    // What the change set computer does for a new entity before taking its payload.
    for (const prop of shape.defaults) {
      const current = row[prop.name];
      if (prop.onCreate && current == null) row[prop.name] = prop.onCreate(row as T, this.#em);
      else if (!prop.onCreate && current === undefined) row[prop.name] = prop.default;
    }
    let list = this.#rows.get(shape);
    if (!list) {
      list = [];
      this.#rows.set(shape, list);
    }
    list.push(row);
    return row as T;
  }

  /** A row holding only the key, for relations: nothing is written for it. */
  getReference<T extends object>(entityName: EntityClass<T>, id: Primary<T>): T {
    const row = new Row() as Record<string, unknown>;
    row[this.#shape(entityName).pk] = id;
    return row as T;
  }

  #shape(entityName: EntityClass<object>): Shape {
    let shape = this.#shapes.get(entityName);
    if (shape) return shape;
    const meta = this.#em.getMetadata().get(entityName) as EntityMetadata;
    if (meta.primaryKeys.length !== 1)
      throw new Error(`${meta.className}: composite keys are not written by the sink`);
    const defaults = (meta.hydrateProps as EntityProperty[]).filter(
      (prop) =>
        prop.onCreate ||
        (prop.default != null &&
          !isRaw(prop.default) &&
          prop.kind !== ReferenceKind.MANY_TO_ONE &&
          prop.kind !== ReferenceKind.ONE_TO_ONE),
    );
    shape = {
      meta,
      properties: meta.properties as Record<string, EntityProperty>,
      defaults,
      pk: meta.primaryKeys[0]!,
      encoder: null,
    };
    this.#shapes.set(entityName, shape);
    return shape;
  }

  #value(prop: EntityProperty, value: unknown): unknown {
    if (value == null) return value;
    switch (prop.kind) {
      case ReferenceKind.SCALAR:
        return value;
      case ReferenceKind.MANY_TO_ONE:
      case ReferenceKind.ONE_TO_ONE:
        if (typeof value === 'object') {
          return prop.mapToPk && Utils.isEntity(value, true) ? wrap(value, true).getPrimaryKey() : value;
        }
        // A relation mapped to its key holds the key itself; another one, a row with the key.
        return prop.mapToPk ? value : this.getReference(prop.targetMeta!.class, value as never);
      case ReferenceKind.EMBEDDED: {
        const Embeddable = prop.targetMeta!.class as new () => object;
        if (value instanceof Embeddable || prop.array) return value;
        return Object.assign(constructRow(Embeddable), value);
      }
      default:
        throw new Error(`${prop.name}: collections are not written by the sink`);
    }
  }

  /** Writes every row created since the last `take` with COPY on `sink`'s connection. */
  flush(sink: CopySink): Promise<void> {
    return this.write(this.take(), sink);
  }

  /**
   * The rows created since the last `take` as COPY text, to be written later; the sink starts
   * empty again, and later changes to those rows are not written.
   */
  take(): RowBatch {
    const platform = this.#em.getPlatform();
    const batch: RowBatch = [];
    const missing: number[] = [];
    for (const [shape, rows] of this.#rows) {
      shape.encoder ??= new RowEncoder(shape.meta, platform);
      const encoder = shape.encoder;
      // Rows leaving a column to its database default go in a COPY of their own (one group in practice).
      const groups = new Map<string, CopyGroup>();
      let group: CopyGroup | undefined;
      for (const row of rows) {
        missing.length = 0;
        const line = encoder.line(row, missing);
        const key = missing.join();
        group = groups.get(key);
        if (!group) {
          const columns = encoder.columns.filter((_, i) => !missing.includes(i)).map((c) => c.name);
          group = { columns, text: [], buffer: Buffer.allocUnsafe(WRITE_SIZE), used: 0, rows: 0 };
          groups.set(key, group);
        }
        // Straight into buffers of about a megabyte, the writes COPY gets: a line is encoded once,
        // and the text waiting for its COPY stays out of the JavaScript heap.
        if (group.used + line.length * 3 > group.buffer.length) {
          group.text.push(group.buffer.subarray(0, group.used));
          group.buffer = Buffer.allocUnsafe(Math.max(WRITE_SIZE, line.length * 3));
          group.used = 0;
        }
        group.used += group.buffer.write(line, group.used);
        group.rows += 1;
      }
      for (const g of groups.values()) if (g.used > 0) g.text.push(g.buffer.subarray(0, g.used));
      batch.push({ meta: shape.meta, groups: [...groups.values()] });
    }
    this.#rows.clear();
    return batch;
  }

  /**
   * Writes a batch with COPY. With several sinks (each its own connection) the tables are written
   * side by side, a table as soon as the tables its relations point to are written; with one, one
   * after the other in commit order. When every table of the batch is among `keysAside` (its
   * foreign keys are set aside), nothing waits for its parents and the largest tables go first.
   */
  async write(
    batch: RowBatch,
    sinks: CopySink | readonly CopySink[],
    keysAside: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    const driver = this.#em.getDriver();
    const schema = this.#em.schema ?? this.#em.config.get('schema');
    const free = Array.isArray(sinks) ? [...sinks] : [sinks as CopySink];
    const waiting: (() => void)[] = [];
    const byMeta = new Map(batch.map((b) => [b.meta, b.groups]));
    const written = new Map<number, Promise<void>>();
    const unordered = batch.every((b) => keysAside.has(b.meta.tableName));
    const size = (meta: EntityMetadata) => byMeta.get(meta)!.reduce((n, g) => n + g.rows, 0);
    const order = unordered
      ? [...byMeta.keys()].sort((a, b) => size(b) - size(a))
      : commitOrder([...byMeta.keys()]);
    for (const meta of order) {
      const parents = unordered
        ? []
        : meta.relations.flatMap((p) => written.get(p.targetMeta?.root._id ?? -1) ?? []);
      const task = Promise.all(parents).then(async () => {
        while (free.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
        const sink = free.pop()!;
        try {
          const started = performance.now();
          const tableSchema = meta.schema ?? schema;
          const table = driver.getTableName(meta, { schema: tableSchema });
          let rows = 0;
          for (const group of byMeta.get(meta)!) {
            await copyIn(sink.client, table, group.columns, group.text);
            rows += group.rows;
          }
          countCopy(sink, `${tableSchema}.${meta.tableName}`, rows, started);
        } finally {
          free.push(sink);
          waiting.shift()?.();
        }
      });
      task.catch(() => undefined);
      written.set(meta.root._id, task);
    }
    // Every COPY ends before this returns, failed or not: the connections are free again.
    const results = await Promise.allSettled(written.values());
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }
}

/** Rows of one table that carry the same columns, as COPY text. */
interface CopyGroup {
  columns: string[];
  text: Buffer[];
  /** The buffer being filled, and how much of it is. */
  buffer: Buffer;
  used: number;
  rows: number;
}

const WRITE_SIZE = 1 << 20;

/** Rows taken from a sink, by entity, as COPY text. */
export type RowBatch = { meta: EntityMetadata; groups: CopyGroup[] }[];

/** MikroORM's commit order (the unit of work's): a table after the tables its relations point to. */
function commitOrder(metas: EntityMetadata[]): EntityMetadata[] {
  const calc = new CommitOrderCalculator();
  const byId = new Map(metas.map((m) => [m.root._id, m]));
  for (const meta of metas) calc.addNode(meta.root._id);
  for (const meta of metas) for (const prop of meta.relations) calc.discoverProperty(prop, meta.root._id);
  return calc.sort().flatMap((id) => byId.get(id) ?? []);
}
