import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '@sl/core';
import {
  type DirectoryAddition,
  parseAbbreviationList,
  withListedAgencies,
} from '../agency/abbreviations.js';
import { Agency } from '../agency/agency.entity.js';
import { AgencyService } from '../agency/agency.service.js';
import type { AgencyDirectory, ExecutorRef } from '../agency/agency-directory.js';
import { ObligationService } from '../obligation/obligation.service.js';
import {
  ExecutorRole,
  ItemExecutor,
  Roadmap,
  RoadmapFormat,
  RoadmapItem,
  RoadmapSection,
} from './roadmap.entity.js';
import {
  ImportOutcome,
  type ItemChange,
  ItemChangeKind,
  MAX_ROADMAP_BYTES,
  type PreviewItem,
  type RoadmapImportInput,
  type RoadmapImportResult,
} from './roadmap-import.inputs.js';
import { type ParsedItem, type ParsedRoadmap, parseRoadmap } from './roadmap-parser.js';
import {
  decodeText,
  type RawDocument,
  RoadmapFileError,
  readDocx,
  readText,
  readXlsx,
} from './table-readers.js';

interface Prepared {
  format: RoadmapFormat;
  parsed: ParsedRoadmap;
  title: string;
  executors: Map<string, { responsible: ExecutorRef[]; coExecutors: ExecutorRef[] }>;
  hash: string;
  directory: AgencyDirectory;
  /** What the document's own list of abbreviations adds to the region's directory. */
  additions: DirectoryAddition[];
}

function formatOf(filename: string): RoadmapFormat {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'docx') return RoadmapFormat.DOCX;
  if (ext === 'xlsx') return RoadmapFormat.XLSX;
  if (ext === 'txt') return RoadmapFormat.TEXT;
  throw new RoadmapFileError('ROADMAP_FORMAT_UNSUPPORTED', 'Поддерживаются файлы .txt, .docx и .xlsx');
}

export async function readRoadmapFile(
  filename: string,
  bytes: Buffer,
): Promise<{ format: RoadmapFormat; doc: RawDocument }> {
  if (bytes.length === 0) throw new RoadmapFileError('ROADMAP_FILE_EMPTY', 'Файл пуст');
  if (bytes.length > MAX_ROADMAP_BYTES) {
    throw new RoadmapFileError('ROADMAP_FILE_TOO_LARGE', `Файл больше ${MAX_ROADMAP_BYTES / 1000} КБ`);
  }
  const format = formatOf(filename);
  if (format === RoadmapFormat.DOCX) return { format, doc: await readDocx(bytes) };
  if (format === RoadmapFormat.XLSX) return { format, doc: await readXlsx(bytes) };
  return { format, doc: readText(decodeText(bytes)) };
}

/**
 * Imports a roadmap: atomically (one transaction), idempotently (the same content again changes
 * nothing), updating a new version's items in place by their key.
 */
export class RoadmapImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  private async prepare(input: RoadmapImportInput): Promise<Prepared> {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    const { format, doc } = await readRoadmapFile(input.filename, bytes);
    const stored = await new AgencyService(this.em).directory(input.region);
    const { directory, additions } = withListedAgencies(
      stored.entries,
      input.region,
      parseAbbreviationList(doc.trailer.join('\n')),
    );
    const parsed = parseRoadmap(doc, (line) => directory.resolve(line) !== null);
    const title = input.title?.trim() || parsed.title;
    if (!title) {
      throw new RoadmapFileError(
        'ROADMAP_TITLE_MISSING',
        'В документе нет названия дорожной карты: укажите его в поле «Название»',
      );
    }
    const executors = new Map(
      parsed.items.map((item) => [item.key, directory.splitExecutors(item.executorsText)]),
    );
    const hash = createHash('sha256')
      .update(
        JSON.stringify({
          title,
          parsed: { ...parsed, items: parsed.items.map(({ line: _l, ...rest }) => rest) },
          executors: [...executors],
        }),
      )
      .digest('hex');
    return { format, parsed, title, executors, hash, directory, additions };
  }

  /** What importing would do to the stored version's items, compared field by field. */
  private async diff(p: Prepared, existing: Roadmap | null): Promise<ItemChange[]> {
    const stored = existing
      ? await this.em.find(RoadmapItem, { roadmap: existing }, { orderBy: { position: 'asc' } })
      : [];
    const byKey = new Map(stored.map((i) => [i.key, i]));
    const changes: ItemChange[] = [];
    for (const parsed of p.parsed.items) {
      const old = byKey.get(parsed.key);
      const base = { key: parsed.key, number: parsed.number, measure: parsed.measure };
      if (!old) {
        changes.push({ ...base, change: ItemChangeKind.CREATED, fields: [] });
        continue;
      }
      const next = itemFields(parsed);
      const fields = COMPARED.filter(([, pick]) => canonical(pick(old)) !== canonical(pick(next))).map(
        ([name]) => name,
      );
      if (old.withdrawn) fields.push('withdrawn');
      if (fields.length) changes.push({ ...base, change: ItemChangeKind.CHANGED, fields });
    }
    const kept = new Set(p.parsed.items.map((i) => i.key));
    for (const old of stored) {
      if (!kept.has(old.key) && !old.withdrawn) {
        changes.push({
          key: old.key,
          number: old.number,
          measure: old.measure,
          change: ItemChangeKind.WITHDRAWN,
          fields: [],
        });
      }
    }
    return changes;
  }

  /** The document's list of abbreviations into the directory (new agencies, missing spellings). */
  private async addListedAgencies(region: string, additions: DirectoryAddition[]): Promise<void> {
    const known = additions.filter((a) => !a.isNew).map((a) => a.id);
    const existing = new Map(
      (known.length ? await this.em.find(Agency, { id: { $in: known } }) : []).map((a) => [a.id, a]),
    );
    for (const a of additions) {
      const agency = existing.get(a.id);
      if (agency) agency.abbreviations = [...agency.abbreviations, a.abbreviation];
      else {
        this.em.create(Agency, {
          id: a.id,
          region,
          name: a.name,
          abbreviations: [a.abbreviation],
          kind: a.kind,
        });
      }
    }
    await this.em.flush();
  }

  private summary(
    p: Prepared,
    outcome: ImportOutcome,
    roadmap: Roadmap | null,
    changes: ItemChange[] = [],
    storedVersion: number | null = null,
  ): RoadmapImportResult {
    const count = (kind: ItemChangeKind) => changes.filter((c) => c.change === kind).length;
    const counts = {
      created: count(ItemChangeKind.CREATED),
      updated: count(ItemChangeKind.CHANGED),
      withdrawn: count(ItemChangeKind.WITHDRAWN),
    };
    const names = new Map(p.directory.entries.map((e) => [e.id, e.name]));
    const unresolved = p.parsed.items.flatMap((item) => {
      const ex = p.executors.get(item.key)!;
      return [...ex.responsible, ...ex.coExecutors]
        .filter((e) => e.agencyId === null)
        .map((e) => ({ itemKey: item.key, name: e.nameAsWritten }));
    });
    const items: PreviewItem[] =
      outcome === ImportOutcome.PREVIEW
        ? p.parsed.items.map((item) => {
            const ex = p.executors.get(item.key)!;
            return {
              key: item.key,
              number: item.number,
              sectionKey: item.sectionKey,
              measure: item.measure,
              deadlineText: item.deadline.text || null,
              deadline: item.deadline.terms,
              targets: item.targets,
              executors: [
                ...ex.responsible.map((e) => ({ ...e, coExecutor: false })),
                ...ex.coExecutors.map((e) => ({ ...e, coExecutor: true })),
              ].map((e) => ({
                nameAsWritten: e.nameAsWritten,
                agencyName: e.agencyId ? (names.get(e.agencyId) ?? null) : null,
                coExecutor: e.coExecutor,
              })),
            };
          })
        : [];
    return {
      outcome,
      roadmap,
      title: p.title,
      sectionCount: p.parsed.sections.length,
      itemCount: p.parsed.items.length,
      ...counts,
      unresolvedExecutors: unresolved,
      warnings: p.parsed.warnings,
      items,
      storedVersion,
      changes: outcome === ImportOutcome.PREVIEW ? changes : [],
      listedAgencies: p.additions.map(({ name, abbreviation, isNew }) => ({ name, abbreviation, isNew })),
    };
  }

  /** What import would do, against the stored version of the same region and title; writes nothing. */
  async preview(input: RoadmapImportInput): Promise<RoadmapImportResult> {
    const p = await this.prepare(input);
    const existing = await this.em.findOne(Roadmap, { region: input.region, title: p.title });
    const changes = existing?.contentHash === p.hash ? [] : await this.diff(p, existing);
    return this.summary(p, ImportOutcome.PREVIEW, null, changes, existing?.version ?? null);
  }

  async import(input: RoadmapImportInput): Promise<RoadmapImportResult> {
    return this.em.transactional(async (tx) => {
      const service = new RoadmapImportService(tx, this.clock);
      const p = await service.prepare(input);
      await service.addListedAgencies(input.region, p.additions);
      const existing = await tx.findOne(Roadmap, { region: input.region, title: p.title });
      if (existing && existing.contentHash === p.hash)
        return service.summary(p, ImportOutcome.UNCHANGED, existing, [], existing.version);
      const storedVersion = existing?.version ?? null;
      const changes = await service.diff(p, existing);
      await service.apply(input, p, existing);
      const roadmap = await tx.findOneOrFail(Roadmap, { region: input.region, title: p.title });
      const outcome = existing ? ImportOutcome.UPDATED : ImportOutcome.CREATED;
      return service.summary(p, outcome, roadmap, changes, storedVersion);
    });
  }

  private async apply(input: RoadmapImportInput, p: Prepared, existing: Roadmap | null) {
    const em = this.em;
    const roadmap =
      existing ??
      em.create(Roadmap, {
        region: input.region,
        title: p.title,
        format: p.format,
        filename: input.filename,
        contentHash: p.hash,
        importedAt: this.clock.now(),
      });
    if (existing) {
      existing.version += 1;
      existing.contentHash = p.hash;
      existing.format = p.format;
      existing.filename = input.filename;
      existing.importedAt = this.clock.now();
    }
    roadmap.periodStartYear = p.parsed.periodStartYear;
    roadmap.periodEndYear = p.parsed.periodEndYear;

    const oldSections = existing ? await em.find(RoadmapSection, { roadmap }) : [];
    const sectionByKey = new Map(oldSections.map((s) => [s.key, s]));
    for (const s of p.parsed.sections) {
      const section =
        sectionByKey.get(s.key) ??
        em.create(RoadmapSection, {
          roadmap,
          key: s.key,
          title: s.title,
          level: s.level,
          position: s.position,
        });
      Object.assign(section, {
        number: s.number,
        title: s.title,
        executorsText: s.executorsText,
        parentKey: s.parentKey,
        level: s.level,
        position: s.position,
      });
      sectionByKey.set(s.key, section);
    }
    const keptSections = new Set(p.parsed.sections.map((s) => s.key));
    for (const old of oldSections) if (!keptSections.has(old.key)) em.remove(old);

    const oldItems = existing ? await em.find(RoadmapItem, { roadmap }) : [];
    const itemByKey = new Map(oldItems.map((i) => [i.key, i]));
    if (oldItems.length) await em.nativeDelete(ItemExecutor, { item: { $in: oldItems.map((i) => i.id) } });
    const agencies = new Map<string, Agency>();
    const agencyRef = (id: string) => {
      if (!agencies.has(id)) agencies.set(id, em.getReference(Agency, id));
      return agencies.get(id)!;
    };
    const touched: RoadmapItem[] = [];
    for (const parsed of p.parsed.items) {
      const fields = itemFields(parsed);
      const section = parsed.sectionKey ? (sectionByKey.get(parsed.sectionKey) ?? null) : null;
      let item = itemByKey.get(parsed.key);
      if (item) {
        Object.assign(item, fields, { section, withdrawn: false });
      } else {
        item = em.create(RoadmapItem, { roadmap, key: parsed.key, ...fields, section });
      }
      const ex = p.executors.get(parsed.key)!;
      [
        ...ex.responsible.map((e) => [e, ExecutorRole.RESPONSIBLE] as const),
        ...ex.coExecutors.map((e) => [e, ExecutorRole.CO_EXECUTOR] as const),
      ].forEach(([e, role], position) => {
        em.create(ItemExecutor, {
          item: item!,
          agency: e.agencyId ? agencyRef(e.agencyId) : null,
          nameAsWritten: e.nameAsWritten.slice(0, 2000),
          role,
          position,
        });
      });
      touched.push(item);
    }
    const kept = new Set(p.parsed.items.map((i) => i.key));
    for (const old of oldItems) {
      if (!kept.has(old.key)) old.withdrawn = true;
    }
    await em.flush();
    const firstResponsible = new Map(
      p.parsed.items.map((i) => [
        i.key,
        p.executors.get(i.key)!.responsible.find((e) => e.agencyId)?.agencyId ?? null,
      ]),
    );
    await new ObligationService(em, this.clock).syncForRoadmap(
      roadmap,
      [...touched, ...oldItems.filter((o) => o.withdrawn)],
      (item) => {
        const id = firstResponsible.get(item.key);
        return id ? agencyRef(id) : null;
      },
    );
  }
}

function itemFields(item: ParsedItem) {
  return {
    number: item.number,
    ordinal: item.ordinal,
    position: item.position,
    sourceLine: item.line,
    measure: item.measure,
    executorsText: item.executorsText,
    documentType: item.documentType,
    problem: item.problem,
    expectedResult: item.expectedResult,
    deadlineText: item.deadline.text || null,
    deadline: item.deadline.terms,
    targets: item.targets,
    footnotes: item.footnotes,
  };
}

type ItemFields = Omit<ReturnType<typeof itemFields>, 'position' | 'sourceLine'>;

/** What a reader of the item sees change (not its place in the file), by the name a preview shows. */
const COMPARED: [string, (f: ItemFields) => unknown][] = [
  ['number', (f) => [f.number, f.ordinal]],
  ['measure', (f) => f.measure],
  ['deadline', (f) => [f.deadlineText, f.deadline]],
  ['executors', (f) => f.executorsText],
  ['documentType', (f) => f.documentType],
  ['problem', (f) => f.problem],
  ['expectedResult', (f) => f.expectedResult],
  ['targets', (f) => f.targets],
  ['footnotes', (f) => f.footnotes],
];

/** JSON with sorted keys and no undefined/null noise: jsonb does not keep the key order it got. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined && x !== null)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
