import { Button } from '@mui/material';
import {
  BooleanInput,
  DateInput,
  FileField,
  FileInput,
  required,
  SelectInput,
  TextInput,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { ActionDialog, type Values } from '../case/ActionDialog';
import type { CaseApplication, CaseDocumentRow, CaseRecord } from '../case/caseData';
import { regionToday } from '../case/format';
import { base64Of } from '../graphql/base64';
import { downloadFile } from '../graphql/download';
import { ENUMS, EnumInput, formatDate, formatNumber } from '../resources/common';

function useEnum() {
  const translate = useTranslate();
  return (name: string, value: string | null | undefined) =>
    value ? translate(`enums.${name}.${value}`, { _: value }) : '—';
}

/** The file's name as a button that downloads it (the gateway serves it with the bearer token). */
export function DocumentLink({ document }: { document: Pick<CaseDocumentRow, 'id' | 'fileName'> }) {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Button
      size="small"
      variant="text"
      sx={{ textTransform: 'none', p: 0, minWidth: 0, textAlign: 'left' }}
      aria-label={translate('caseDocuments.download', { name: document.fileName })}
      onClick={() =>
        void downloadFile(`/documents/${document.id}`, document.fileName).catch((error: unknown) =>
          notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
        )
      }
    >
      {document.fileName}
    </Button>
  );
}

/** The columns of the documents table and each file's cells, in the case workspace's table. */
export function useDocumentRows() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const enumName = useEnum();
  const size = (bytes: number) =>
    bytes < 1_000_000
      ? translate('caseDocuments.size_kb', {
          size: formatNumber(Math.max(1, Math.round(bytes / 1000)), locale),
        })
      : translate('caseDocuments.size_mb', {
          size: formatNumber(bytes / 1_000_000, locale, { maximumFractionDigits: 1 }),
        });
  return {
    head: [
      'caseDocuments.f.fileName',
      'caseDocuments.f.kind',
      'caseDocuments.f.item',
      'caseDocuments.f.uploadedAt',
      'caseDocuments.f.size',
      'caseDocuments.f.uploadedBy',
    ],
    cells: (d: CaseDocumentRow) => [
      <DocumentLink key={d.id} document={d} />,
      enumName('CaseDocumentKind', d.kind),
      d.checklistItem ? enumName('ApplicationDocumentKind', d.checklistItem) : '—',
      formatDate(d.uploadedAt, locale, true),
      size(d.size),
      d.uploadedBy,
    ],
  };
}

/** A checklist item of an application with the files that satisfy it: "ИППСУ (файл: скан.pdf)". */
export function ChecklistItem({ item }: { item: CaseApplication['documents'][number] }) {
  const translate = useTranslate();
  const enumName = useEnum();
  return (
    <span>
      {enumName('ApplicationDocumentKind', item.kind)}
      {item.files.length > 0 && (
        <>
          {` (${translate('caseDocuments.files_of_item')} `}
          {item.files.map((f, i) => (
            <span key={f.id}>
              {i > 0 && ', '}
              <DocumentLink document={f} />
            </span>
          ))}
          {')'}
        </>
      )}
    </span>
  );
}

/**
 * Upload: the file, its kind and the checklist item it satisfies. An undecided application offers
 * every item (the file marks it received); a decided one only the items it received.
 */
export function UploadCaseDocument({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const enumName = useEnum();
  const items = (record.applications ?? []).flatMap((a) =>
    (a.status === 'DECIDED' ? a.documents.map((d) => d.kind) : ENUMS.ApplicationDocumentKind).map((kind) => ({
      id: `${a.id}:${kind}`,
      name: translate('caseDocuments.f.item_option', {
        date: formatDate(a.submittedOn, locale),
        item: enumName('ApplicationDocumentKind', kind),
      }),
    })),
  );
  return (
    <ActionDialog
      label="caseDocuments.a.upload"
      document={`mutation ($input: UploadCaseDocumentInput!) { uploadCaseDocument(input: $input) { id fileName } }`}
      intro={translate('caseDocuments.intro.upload')}
      fieldOf={{ contentBase64: 'file', fileName: 'file', checklistItem: 'item', applicationId: 'item' }}
      variables={async ({ file, kind, item }: Values) => {
        const raw = (file as { rawFile?: File } | null)?.rawFile;
        const [applicationId, checklistItem] =
          typeof item === 'string' && item ? item.split(':') : [null, null];
        return {
          input: {
            recipientId: record.id,
            kind,
            applicationId,
            checklistItem,
            fileName: raw?.name ?? '',
            contentBase64: raw ? await base64Of(raw) : '',
          },
        };
      }}
      done={(_, answer) => translate('caseDocuments.done.upload', { name: String(answer.fileName) })}
    >
      <FileInput
        source="file"
        label="caseDocuments.f.file"
        accept={{
          'application/pdf': ['.pdf'],
          'image/jpeg': ['.jpg', '.jpeg'],
          'image/png': ['.png'],
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
        }}
        validate={required()}
        inputProps={{ 'aria-label': translate('caseDocuments.f.file') }}
      >
        <FileField source="src" title="title" />
      </FileInput>
      <EnumInput
        source="kind"
        label="caseDocuments.f.kind"
        enumName="CaseDocumentKind"
        values={ENUMS.CaseDocumentKind}
        validate={required()}
      />
      <SelectInput
        source="item"
        label="caseDocuments.f.item"
        choices={items}
        emptyText="caseDocuments.f.no_item"
      />
    </ActionDialog>
  );
}

/** How the person learnt of the decision, for the applications table: "Почтой 11.03.2026". */
export function NoticesOf({ application }: { application: CaseApplication }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const enumName = useEnum();
  if (!application.decision) return <>—</>;
  if (application.notices.length === 0) return <>{translate('caseDocuments.not_informed')}</>;
  return (
    <>
      {application.notices
        .map((n) =>
          translate('caseDocuments.informed', {
            method: enumName('NoticeMethod', n.method),
            date: formatDate(n.informedOn, locale),
          }),
        )
        .join('; ')}
    </>
  );
}

/** Seed 001 §13: when and how the person was informed of the decision on their application. */
export function RecordDecisionNotice({ application }: { application: CaseApplication }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  return (
    <ActionDialog
      label="caseDocuments.a.notice"
      document={`mutation ($input: RecordDecisionNoticeInput!) { recordDecisionNotice(input: $input) { id informedOn } }`}
      defaults={{ informedOn: regionToday(), method: 'HANDED', letterGenerated: true }}
      intro={translate('caseDocuments.intro.notice', { date: formatDate(application.decidedOn, locale) })}
      variables={({ informedOn, method, letterGenerated, note }) => ({
        input: {
          applicationId: application.id,
          informedOn,
          method,
          letterGenerated: Boolean(letterGenerated),
          note: typeof note === 'string' && note.trim() ? note.trim() : null,
        },
      })}
      done={(_, answer) =>
        translate('caseDocuments.done.notice', { date: formatDate(String(answer.informedOn), locale) })
      }
    >
      <DateInput source="informedOn" label="caseDocuments.f.informedOn" validate={required()} />
      <EnumInput
        source="method"
        label="caseDocuments.f.method"
        enumName="NoticeMethod"
        values={ENUMS.NoticeMethod}
        validate={required()}
      />
      <BooleanInput source="letterGenerated" label="caseDocuments.f.letterGenerated" />
      <TextInput source="note" label="caseDocuments.f.note" fullWidth />
    </ActionDialog>
  );
}
