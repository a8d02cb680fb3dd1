import {
  CommitOrderCalculator,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  isRaw,
  ReferenceKind,
  Utils,
  wrap,
} from '@mikro-orm/postgresql';
import { BulkPostgreSqlDriver, type CopySink } from './bulk-copy.js';

/**
 * Entities built outside the unit of work, for bulk writing. `create` makes the entity as
 * `em.create` would for a new one (the class's initializers, so its id; relations given by key
 * become references; property defaults and `onCreate`), but nothing tracks it: no identity map,
 * no change set, no snapshot. `flush` reduces each entity to MikroORM's own insert payload (its
 * compiled snapshot: relations to keys, custom types converted, embeddables mapped) and writes the
 * rows with COPY, tables in MikroORM's commit order (parents first). Entities may still be changed
 * after `create`: what is written is their state at `flush`.
 */
export class RowSink {
  readonly #em: EntityManager;
  readonly #entities = new Map<EntityMetadata, object[]>();

  constructor(em: EntityManager) {
    this.#em = em;
  }

  /** The EntityManager to hand to code that builds entities: its `create` goes to this sink. */
  get em(): EntityManager {
    const em = this.#em;
    return new Proxy(em, {
      get: (target, name) => {
        if (name === 'create') return this.create.bind(this);
        const value = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** How many entities wait for the next flush. */
  get size(): number {
    let n = 0;
    for (const list of this.#entities.values()) n += list.length;
    return n;
  }

  create<T extends object>(entityName: EntityName<T>, data: object): T {
    const meta = this.#em.getMetadata().get(entityName) as EntityMetadata<T>;
    const entity = new (meta.class as new () => T)() as Record<string, unknown>;
    const properties = meta.properties as Record<string, EntityProperty>;
    for (const [name, value] of Object.entries(data)) {
      const prop = properties[name];
      if (!prop) throw new Error(`${meta.className} has no property ${name}`);
      entity[name] = this.#value(prop, value);
    }
    // What the change set computer does for a new entity before taking its payload.
    for (const prop of meta.hydrateProps) {
      const current = entity[prop.name];
      if (prop.onCreate && current == null) entity[prop.name] = prop.onCreate(entity as T, this.#em);
      else if (
        prop.default != null &&
        !isRaw(prop.default) &&
        prop.kind !== ReferenceKind.MANY_TO_ONE &&
        prop.kind !== ReferenceKind.ONE_TO_ONE &&
        current === undefined
      ) {
        entity[prop.name] = prop.default;
      }
    }
    let list = this.#entities.get(meta as EntityMetadata);
    if (!list) {
      list = [];
      this.#entities.set(meta as EntityMetadata, list);
    }
    list.push(entity);
    return entity as T;
  }

  #value(prop: EntityProperty, value: unknown): unknown {
    if (value == null) return value;
    switch (prop.kind) {
      case ReferenceKind.SCALAR:
        return value;
      case ReferenceKind.MANY_TO_ONE:
      case ReferenceKind.ONE_TO_ONE:
        if (Utils.isEntity(value, true)) return prop.mapToPk ? wrap(value, true).getPrimaryKey() : value;
        // A relation mapped to its key holds the key itself.
        if (prop.mapToPk) return value;
        if (Utils.isPlainObject(value))
          throw new Error(`${prop.name}: nested entities are not written by the sink`);
        return this.#em.getReference(prop.targetMeta!.class, value as never, { wrapped: prop.ref });
      case ReferenceKind.EMBEDDED: {
        const Embeddable = prop.targetMeta!.class as new () => object;
        return value instanceof Embeddable || prop.array ? value : Object.assign(new Embeddable(), value);
      }
      default:
        throw new Error(`${prop.name}: collections are not written by the sink`);
    }
  }

  /** Writes every entity created since the last flush with COPY on `sink`'s connection. */
  flush(sink: CopySink): Promise<void> {
    return this.write(this.take(), sink);
  }

  /** The entities created since the last `take`, to be written later (the sink starts empty again). */
  take(): RowBatch {
    const batch = [...this.#entities];
    this.#entities.clear();
    return batch;
  }

  /**
   * Writes a batch with COPY, each table's rows in the order created. With several sinks (each its
   * own connection) the tables are written side by side, a table as soon as the tables its
   * relations point to are written; with one, one after the other in commit order.
   */
  async write(batch: RowBatch, sinks: CopySink | readonly CopySink[]): Promise<void> {
    const driver = this.#em.getDriver();
    if (!(driver instanceof BulkPostgreSqlDriver)) throw new Error('RowSink needs the BulkPostgreSqlDriver');
    const comparator = this.#em.config.getComparator(this.#em.getMetadata());
    const schema = this.#em.schema ?? this.#em.config.get('schema');
    const free = Array.isArray(sinks) ? [...sinks] : [sinks as CopySink];
    const waiting: (() => void)[] = [];
    const byMeta = new Map(batch);
    const written = new Map<number, Promise<void>>();
    for (const meta of commitOrder([...byMeta.keys()])) {
      const parents = meta.relations.flatMap((p) => written.get(p.targetMeta?.root._id ?? -1) ?? []);
      const task = Promise.all(parents).then(async () => {
        while (free.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
        const sink = free.pop()!;
        try {
          const rows = byMeta.get(meta)!.map((e) => comparator.prepareEntity(e) as Record<string, unknown>);
          await driver.copyRows(meta, rows, sink, meta.schema ?? schema);
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

/** Entities taken from a sink, by entity. */
export type RowBatch = [EntityMetadata, object[]][];

/** MikroORM's commit order (the unit of work's): a table after the tables its relations point to. */
function commitOrder(metas: EntityMetadata[]): EntityMetadata[] {
  const calc = new CommitOrderCalculator();
  const byId = new Map(metas.map((m) => [m.root._id, m]));
  for (const meta of metas) calc.addNode(meta.root._id);
  for (const meta of metas) for (const prop of meta.relations) calc.discoverProperty(prop, meta.root._id);
  return calc.sort().flatMap((id) => byId.get(id) ?? []);
}
