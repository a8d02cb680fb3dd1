import { gql } from '@apollo/client';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  TextField as MuiTextField,
  Stack,
  Typography,
} from '@mui/material';
import { type FormEvent, useState } from 'react';
import {
  BooleanInput,
  Create,
  DateInput,
  FileField,
  FileInput,
  Loading,
  required,
  Show,
  SimpleForm,
  TextInput,
  Title,
  useGetList,
  useLocaleState,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../auth/authProvider';
import { ObligationStatusAction } from '../../council/meetings/ObligationStatusAction';
import { base64Of } from '../../graphql/base64';
import { client } from '../../graphql/client';
import { downloadFile } from '../../graphql/download';
import { toHttpError } from '../../graphql/errors';
import {
  IMPORT_CHANGES_FIELDS,
  ImportChanges,
  type ImportChangesPreview,
} from '../../roadmap-import/ImportChanges';
import { formatDate } from '../common';
import { RecordLink } from '../records';

interface ObligationCell {
  id: string;
  periodLabel: string;
  dueDate: string;
  status: string;
  daysOverdue: number;
  responsibleAgency: { name: string } | null;
}
interface ItemRow {
  id: string;
  number: string | null;
  measure: string;
  deadlineText: string | null;
  withdrawn: boolean;
  section: { id: string; number: string | null; title: string; level: number } | null;
  executors: { id: string; role: string; nameAsWritten: string; agency: { name: string } | null }[];
  obligations: ObligationCell[];
}

/** A status in words and colour: the colour is never the only signal (WCAG 1.4.1). */
export function StatusChip({ status, daysOverdue = 0 }: { status: string; daysOverdue?: number }) {
  const translate = useTranslate();
  const label =
    status === 'LATE'
      ? `${translate('enums.ObligationStatus.LATE')}: ${translate('app.days_late', { smart_count: daysOverdue })}`
      : translate(`enums.ObligationStatus.${status}`);
  const color = status === 'LATE' ? 'error' : status === 'DONE' ? 'success' : 'default';
  return (
    <Chip size="small" color={color} variant={status === 'LATE' ? 'filled' : 'outlined'} label={label} />
  );
}

/** The roadmap as a tree: sections, their items, each item's executors and its obligations. */
function RoadmapTree() {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { data = [], isPending } = useGetList<ItemRow & { id: string }>(
    'roadmapItems',
    { filter: { roadmapId: record?.id }, pagination: { page: 1, perPage: 200 } },
    { enabled: Boolean(record?.id) },
  );
  if (isPending) return <Loading />;
  const sections: { title: string; level: number; items: ItemRow[] }[] = [];
  for (const item of data) {
    const title = item.section ? [item.section.number, item.section.title].filter(Boolean).join(' ') : '';
    const last = sections[sections.length - 1];
    if (last && last.title === title) last.items.push(item);
    else sections.push({ title, level: item.section?.level ?? 0, items: [item] });
  }
  return (
    <Box data-testid="roadmap-tree">
      {sections.map((section) => (
        <Box
          component="section"
          key={section.title || 'none'}
          sx={{ mb: 3, ml: Math.max(0, section.level - 1) * 2 }}
        >
          {section.title && (
            <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
              {section.title}
            </Typography>
          )}
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {section.items.map((item) => (
              <Box
                component="li"
                key={item.id}
                sx={{ borderTop: '1px solid #ddd', py: 1, opacity: item.withdrawn ? 0.8 : 1 }}
                data-testid="roadmap-item"
              >
                <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
                  {[item.number, item.measure].filter(Boolean).join(' ')}
                  {item.withdrawn && ` (${translate('app.roadmap.withdrawn')})`}
                </Typography>
                <Typography variant="body2">
                  {translate('app.roadmap.executors')}:{' '}
                  {item.executors.length === 0
                    ? '—'
                    : item.executors
                        .map(
                          (e) =>
                            `${e.agency?.name ?? e.nameAsWritten} (${translate(`enums.ExecutorRole.${e.role}`)})`,
                        )
                        .join('; ')}
                </Typography>
                {item.deadlineText && (
                  <Typography variant="body2">
                    {translate('app.roadmap.deadline')}: {item.deadlineText}
                  </Typography>
                )}
                <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mt: 0.5 }}>
                  {item.obligations.map((o) => (
                    <Link key={o.id} to={`/obligations/${o.id}/show`} style={{ textDecoration: 'none' }}>
                      <span style={{ marginRight: 4, color: '#1a1a1a' }}>
                        {o.periodLabel} · {formatDate(o.dueDate, locale)}
                      </span>
                      <StatusChip status={o.status} daysOverdue={o.daysOverdue} />
                    </Link>
                  ))}
                </Stack>
              </Box>
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

function RoadmapTitle() {
  const record = useRecordContext<{ title: string }>();
  return <span>{record?.title}</span>;
}

export function RoadmapShow() {
  return (
    <Show title={<RoadmapTitle />} actions={false}>
      <CardContent>
        <RoadmapTree />
      </CardContent>
    </Show>
  );
}

const PREVIEW = gql`
  mutation Preview($input: RoadmapImportInput!) {
    result: previewRoadmapImport(input: $input) {
      outcome title sectionCount itemCount warnings
      unresolvedExecutors { itemKey name }
      items { key number sectionKey measure deadlineText executors { nameAsWritten agencyName coExecutor } }
      ${IMPORT_CHANGES_FIELDS}
    }
  }
`;
const IMPORT = gql`
  mutation Import($input: RoadmapImportInput!) {
    result: importRoadmap(input: $input) { outcome created updated withdrawn roadmap { id } }
  }
`;

interface Preview extends ImportChangesPreview {
  outcome: string;
  title: string;
  sectionCount: number;
  itemCount: number;
  warnings: string[];
  unresolvedExecutors: { itemKey: string; name: string }[];
  items: {
    key: string;
    number: string | null;
    measure: string;
    deadlineText: string | null;
    executors: { nameAsWritten: string; agencyName: string | null; coExecutor: boolean }[];
  }[];
}

/** Import: the parsed items are shown first, and nothing is written until the user confirms. */
export function RoadmapImport() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data: existing = [] } = useGetList<{ id: string; region: string }>('roadmaps', {
    pagination: { page: 1, perPage: 1 },
  });
  const [region, setRegion] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const regionValue = region ?? existing[0]?.region ?? '';

  const input = async () => ({
    region: regionValue,
    filename: file!.name,
    contentBase64: await base64Of(file!),
    ...(title ? { title } : {}),
  });

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(toHttpError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    void run(async () => {
      const result = await client.mutate<{ result: Preview }>({
        mutation: PREVIEW,
        variables: { input: await input() },
      });
      setPreview(result.data!.result);
    });
  };

  const onImport = () =>
    run(async () => {
      const result = await client.mutate<{ result: { roadmap: { id: string } | null } }>({
        mutation: IMPORT,
        variables: { input: await input() },
      });
      const id = result.data!.result.roadmap?.id;
      navigate(id ? `/roadmaps/${id}/show` : '/roadmaps');
    });

  const unresolved = new Set(preview?.unresolvedExecutors.map((u) => `${u.itemKey}|${u.name}`));

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.roadmap.import" />
      <CardContent>
        <Typography component="h2" variant="h5" sx={{ mb: 2 }}>
          {translate('app.roadmap.import')}
        </Typography>
        <Box
          component="form"
          onSubmit={onPreview}
          sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}
        >
          <MuiTextField
            label={translate('resources.roadmaps.fields.region')}
            value={regionValue}
            onChange={(e) => setRegion(e.target.value)}
            required
          />
          <MuiTextField
            label={translate('resources.roadmaps.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <label htmlFor="roadmap-file" style={{ display: 'flex', flexDirection: 'column' }}>
            <span>{translate('app.roadmap.file')}</span>
            <input
              id="roadmap-file"
              name="file"
              type="file"
              accept=".txt,.docx,.xlsx"
              required
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          </label>
          <Button type="submit" variant="outlined" disabled={busy || !file}>
            {translate('app.roadmap.preview')}
          </Button>
        </Box>
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {preview && (
          <Box
            component="section"
            aria-labelledby="preview-title"
            sx={{ mt: 3 }}
            data-testid="roadmap-preview"
          >
            <Typography id="preview-title" component="h2" variant="h6">
              {preview.title}
            </Typography>
            <Typography>
              {translate('app.roadmap.counts', {
                sections: preview.sectionCount,
                items: preview.itemCount,
              })}
            </Typography>
            {preview.warnings.map((w) => (
              <Alert key={w} severity="warning" sx={{ mt: 1 }}>
                {w}
              </Alert>
            ))}
            <ImportChanges preview={preview} />
            {preview.unresolvedExecutors.length > 0 && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {translate('app.roadmap.unresolved', { smart_count: preview.unresolvedExecutors.length })}
              </Alert>
            )}
            <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 16 }}>
              <caption style={{ textAlign: 'left' }}>{translate('app.roadmap.parsed_items')}</caption>
              <thead>
                <tr>
                  <th scope="col" style={{ textAlign: 'left' }}>
                    {translate('resources.obligations.fields.number')}
                  </th>
                  <th scope="col" style={{ textAlign: 'left' }}>
                    {translate('resources.obligations.fields.measure')}
                  </th>
                  <th scope="col" style={{ textAlign: 'left' }}>
                    {translate('app.roadmap.deadline')}
                  </th>
                  <th scope="col" style={{ textAlign: 'left' }}>
                    {translate('app.roadmap.executors')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.items.map((item) => (
                  <tr key={item.key} style={{ borderTop: '1px solid #ddd', verticalAlign: 'top' }}>
                    <td>{item.number ?? item.key}</td>
                    <td>{item.measure}</td>
                    <td>{item.deadlineText ?? '—'}</td>
                    <td>
                      {item.executors.map((e) => (
                        <div key={e.nameAsWritten}>
                          {e.agencyName ?? e.nameAsWritten}
                          {unresolved.has(`${item.key}|${e.nameAsWritten}`) &&
                            ` — ${translate('app.roadmap.not_found')}`}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Button variant="contained" sx={{ mt: 2 }} onClick={() => void onImport()} disabled={busy}>
              {translate('app.roadmap.confirm')}
            </Button>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

interface ObligationRecord {
  id: string;
  periodLabel: string;
  dueDate: string;
  completedOn: string | null;
  status: string;
  daysOverdue: number;
  daysLate: number;
  completedLate: boolean;
  item: {
    key: string;
    number: string | null;
    measure: string;
    roadmapId: string;
    expectedResult: string | null;
  };
  responsibleAgency: { name: string } | null;
  reports: {
    id: string;
    reportedOn: string;
    text: string;
    authorName: string | null;
    agency: { name: string } | null;
    figures: { targetIndex: number; value: number }[];
    evidence: { id: string; displayName: string; mediaType: string; size: number; downloadUrl: string }[];
  }[];
}

function ObligationDetails() {
  const record = useRecordContext<ObligationRecord>();
  const { permissions } = usePermissions<string[]>();
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  if (!record) return null;
  return (
    <CardContent>
      <Typography component="h2" variant="h5">
        {[record.item.number, record.item.measure].filter(Boolean).join(' ')}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, my: 2 }}>
        <dt>{translate('resources.obligations.fields.periodLabel')}</dt>
        <dd style={{ margin: 0 }}>{record.periodLabel}</dd>
        <dt>{translate('resources.obligations.fields.dueDate')}</dt>
        <dd style={{ margin: 0 }}>{formatDate(record.dueDate, locale)}</dd>
        <dt>{translate('resources.obligations.fields.status')}</dt>
        <dd style={{ margin: 0 }}>
          <StatusChip status={record.status} daysOverdue={record.daysOverdue} />
          {record.completedLate && record.completedOn && (
            <Chip
              size="small"
              color="error"
              variant="outlined"
              sx={{ ml: 1 }}
              label={translate('app.agency_work.done_late', {
                smart_count: record.daysLate,
                date: formatDate(record.completedOn, locale),
              })}
            />
          )}
        </dd>
        <dt>{translate('resources.obligations.fields.responsibleAgency')}</dt>
        <dd style={{ margin: 0 }}>{record.responsibleAgency?.name ?? '—'}</dd>
        {record.item.expectedResult && (
          <>
            <dt>{translate('app.roadmap.expected')}</dt>
            <dd style={{ margin: 0 }}>{record.item.expectedResult}</dd>
          </>
        )}
      </Box>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {can.progress(permissions ?? []) && (
          <RecordLink
            resource="progressReports"
            label="app.actions.report_progress"
            values={{ obligationId: record.id }}
          />
        )}
        <ObligationStatusAction id={record.id} />
        <Button component={Link} to={`/roadmaps/${record.item.roadmapId}/show`} size="small" sx={{ my: 1 }}>
          {translate('app.roadmap.back')}
        </Button>
      </Stack>
      <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
        {translate('app.sections.reports')}
      </Typography>
      {record.reports.length === 0 ? (
        <p>{translate('app.empty')}</p>
      ) : (
        <Box component="ul" sx={{ pl: 2 }}>
          {record.reports.map((r) => (
            <li key={r.id}>
              <strong>{formatDate(r.reportedOn, locale)}</strong>
              {[r.authorName, r.agency?.name].filter(Boolean).length > 0 &&
                ` — ${[r.authorName, r.agency?.name].filter(Boolean).join(', ')}`}
              : {r.text}
              {r.figures.length > 0 && (
                <div>
                  {translate('app.roadmap.figures')}: {r.figures.map((f) => f.value).join(', ')}
                </div>
              )}
              {r.evidence.length > 0 && (
                <div>
                  {translate('app.roadmap.evidence')}:{' '}
                  {r.evidence.map((e, i) => (
                    <span key={e.id}>
                      {i > 0 && ', '}
                      <EvidenceLink file={e} />
                    </span>
                  ))}
                </div>
              )}
            </li>
          ))}
        </Box>
      )}
    </CardContent>
  );
}

/**
 * An evidence file as a link (reached by Tab, opened by Enter) that downloads it with the
 * session's token; its size is part of the link's name.
 */
function EvidenceLink({ file }: { file: { displayName: string; size: number; downloadUrl: string } }) {
  const notify = useNotify();
  const translate = useTranslate();
  return (
    <a
      href={file.downloadUrl}
      download={file.displayName}
      onClick={(event) => {
        event.preventDefault();
        downloadFile(file.downloadUrl, file.displayName).catch((error: Error) =>
          notify(error.message, { type: 'error' }),
        );
      }}
    >
      {translate('app.roadmap.download', { name: file.displayName, size: Math.ceil(file.size / 1024) })}
    </a>
  );
}

/** The measure's key and wording, not the obligation's id: what a reader recognises. */
function ObligationTitle() {
  const record = useRecordContext<ObligationRecord>();
  if (!record) return null;
  const measure =
    record.item.measure.length > 90 ? `${record.item.measure.slice(0, 89).trimEnd()}…` : record.item.measure;
  return (
    <span data-testid="obligation-title">
      {record.item.key} {measure}
    </span>
  );
}

export function ObligationShow() {
  return (
    // Its own query key: the list's row (without reports) never stands in for the card.
    <Show actions={false} title={<ObligationTitle />} queryOptions={{ meta: { card: true } }}>
      <ObligationDetails />
    </Show>
  );
}

/** Evidence files travel inside the mutation, base64-encoded, as the graph takes them. */
async function withEvidence(data: Record<string, unknown>) {
  const files = (Array.isArray(data.files) ? data.files : []) as { rawFile?: File; title?: string }[];
  const evidence = await Promise.all(
    files
      .filter((f) => f.rawFile)
      .map(async (f) => ({
        filename: f.rawFile!.name,
        mediaType: f.rawFile!.type || 'application/octet-stream',
        contentBase64: await base64Of(f.rawFile!),
      })),
  );
  return { ...data, done: Boolean(data.done), ...(evidence.length ? { evidence } : {}) };
}

/** The drop zone's file input is named for screen readers too (axe: label). */
function EvidenceInput() {
  const translate = useTranslate();
  return (
    <FileInput
      source="files"
      multiple
      inputProps={{ 'aria-label': translate('resources.progressReports.fields.files') }}
    >
      <FileField source="src" title="title" />
    </FileInput>
  );
}

export const ProgressReportCreate = () => (
  <Create
    transform={withEvidence}
    redirect={(_resource?: string, _id?: unknown, data?: Record<string, unknown>) =>
      `obligations/${String(data?.obligationId ?? '')}/show`
    }
  >
    <SimpleForm>
      <TextInput source="obligationId" readOnly helperText={false} />
      <TextInput source="text" validate={required()} multiline fullWidth minRows={3} />
      <DateInput source="reportedOn" />
      <EvidenceInput />
      <BooleanInput source="done" />
    </SimpleForm>
  </Create>
);
