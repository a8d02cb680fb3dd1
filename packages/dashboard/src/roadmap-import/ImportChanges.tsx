import { Alert, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface ImportChangesPreview {
  storedVersion: number | null;
  created: number;
  updated: number;
  withdrawn: number;
  changes: { key: string; number: string | null; measure: string; change: string; fields: string[] }[];
  listedAgencies: { name: string; abbreviation: string; isNew: boolean }[];
}

/** The fields a preview asks for to show what a re-import would change. */
export const IMPORT_CHANGES_FIELDS = `storedVersion created updated withdrawn
  changes { key number measure change fields }
  listedAgencies { name abbreviation isNew }`;

/** What importing would do against the stored version: added, changed and withdrawn items. */
export function ImportChanges({ preview }: { preview: ImportChangesPreview }) {
  const translate = useTranslate();
  const version = preview.storedVersion;
  return (
    <Box
      component="section"
      aria-labelledby="import-changes-title"
      sx={{ mt: 2 }}
      data-testid="import-changes"
    >
      <Typography id="import-changes-title" component="h3" variant="subtitle1">
        {version === null
          ? translate('app.roadmap_import.new_roadmap')
          : translate('app.roadmap_import.changes_title', { version })}
      </Typography>
      {preview.listedAgencies.length > 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('app.roadmap_import.listed_agencies', { smart_count: preview.listedAgencies.length })}
        </Alert>
      )}
      {version !== null && preview.changes.length === 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('app.roadmap_import.no_changes', { version })}
        </Alert>
      )}
      {version !== null && preview.changes.length > 0 && (
        <>
          <Typography>
            {translate('app.roadmap_import.counts', {
              created: preview.created,
              updated: preview.updated,
              withdrawn: preview.withdrawn,
            })}
          </Typography>
          <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 8 }}>
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {translate('resources.obligations.fields.number')}
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {translate('resources.obligations.fields.measure')}
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {translate('app.roadmap_import.change')}
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {translate('app.roadmap_import.what')}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((c) => (
                <tr key={c.key} style={{ borderTop: '1px solid #ddd', verticalAlign: 'top' }}>
                  <td>{c.number ?? c.key}</td>
                  <td>{c.measure}</td>
                  <td>{translate(`app.roadmap_import.kind.${c.change}`)}</td>
                  <td>{c.fields.map((f) => translate(`app.roadmap_import.field.${f}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Box>
  );
}
