import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import {
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { Access } from '../access/roles.js';
import {
  figureTotal,
  figureTotals,
  type IndicatorKey,
  indicatorKeyOf,
  indicatorLoader,
  REGION_SCOPE,
} from './indicators.js';
import { LocalDate } from './scalars.js';

/** One figure a subgraph adds to the Council's `Indicators`, read from its maintained figures. */
export interface FigureField {
  /** The GraphQL field. */
  name: string;
  /** The maintained figure it sums (`<schema>.figure_day.figure`)… */
  figure: string;
  /** …or only this dimension of it (e.g. an education level). */
  dim?: string;
  /**
   * `key`: counted in the key's own scope (a municipality's share is known to the subgraph);
   * `region`: the region's figure, null for a municipality (the subgraph keeps no residence).
   */
  scope: 'key' | 'region';
  description: string;
}

export type FigureValues = Record<string, number>;
export interface FigureLoaders {
  figures: DataLoader<IndicatorKey, FigureValues, string>;
}

/**
 * What a ministry subgraph needs to add its figures to the federated `Indicators` entity, from one
 * declaration of its fields: the entity's stub (key only; coordination owns it), a loader answering
 * every key of a request in one statement (kept in the figure cache under the schema's name), and
 * the field resolvers (aggregates only, no person is named). The subgraph puts `loaders(em)` at
 * `ctx.loaders.indicators`, the stub in its orphaned types and the resolver in its resolvers.
 */
export function subgraphFigures(schema: string, fields: readonly FigureField[]) {
  // A class per subgraph so that schemas built in one process stay apart.
  @Directive('@key(fields: "scope asOf")')
  @ObjectType('Indicators')
  class Indicators {
    @Field(() => String)
    scope!: string;

    @Field(() => LocalDate)
    asOf!: string;
  }

  const figures = [...new Set(fields.map((f) => f.figure))];
  const keyed = fields.some((f) => f.scope === 'key');

  async function load(em: EntityManager, keys: readonly IndicatorKey[]): Promise<Map<string, FigureValues>> {
    const regionKeys = keys.map((k) => ({ scope: REGION_SCOPE, asOf: k.asOf }));
    const all = await figureTotals(em, schema, keyed ? [...keys, ...regionKeys] : regionKeys, figures);
    return new Map(
      keys.map((k) => {
        const own = all.get(indicatorKeyOf(k));
        const region = all.get(indicatorKeyOf({ scope: REGION_SCOPE, asOf: k.asOf }));
        const values = fields.map((f) => {
          const totals = f.scope === 'key' ? own : region;
          const n =
            f.dim === undefined ? figureTotal(totals, f.figure) : (totals?.get(f.figure)?.get(f.dim) ?? 0);
          return [f.name, n] as const;
        });
        return [indicatorKeyOf(k), Object.fromEntries(values)];
      }),
    );
  }

  const loaders = (em: EntityManager): FigureLoaders => ({
    figures: indicatorLoader(
      (keys) => load(em, keys),
      () => Object.fromEntries(fields.map((f) => [f.name, 0])),
      { em, figure: schema },
    ),
  });

  class IndicatorsResolver {}
  const prototype = IndicatorsResolver.prototype as unknown as Record<string, unknown>;
  for (const f of fields) {
    prototype[f.name] = async (
      root: IndicatorKey,
      ctx: { loaders: { indicators: FigureLoaders } },
    ): Promise<number | null> => {
      if (f.scope === 'region' && root.scope !== REGION_SCOPE) return null;
      return (await ctx.loaders.indicators.figures.load(root))[f.name] ?? 0;
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, f.name)!;
    Root()(prototype, f.name, 0);
    Ctx()(prototype, f.name, 1);
    FieldResolver(() => Int, { nullable: true, description: f.description })(prototype, f.name, descriptor);
    Authorized(...Access.AGGREGATE)(prototype, f.name, descriptor);
  }
  Resolver(() => Indicators)(IndicatorsResolver);

  return { Indicators, IndicatorsResolver, loaders };
}
