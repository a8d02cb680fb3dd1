import { Box, Button, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import type { RoadmapScope } from '../accountability/RoadmapScopeFields';
import { downloadFile } from '../graphql/download';

/** The reports the gateway writes (packages/gateway/src/reports) and the formats each comes in. */
const REPORTS = {
  annual: { path: 'annual-report', formats: ['xlsx', 'docx', 'pdf'] },
  albrecht: { path: 'albrecht-monitoring', formats: ['xlsx', 'pdf'] },
  brief: { path: 'council-brief', formats: ['docx', 'pdf'] },
} as const;
type ReportName = keyof typeof REPORTS;

interface Props {
  /** The Council page's scope (region, roadmap, date); a meeting's brief takes the meeting's. */
  scope?: RoadmapScope & { asOf?: string };
  meetingId?: string;
  reports: ReportName[];
}

/**
 * Buttons that download each report in each of its formats, made by the gateway for this user
 * (their own token: the report holds what they may see). The annual report asks for its year.
 */
export function ReportDownloads({ scope = {}, meetingId, reports }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const thisYear = new Date().getFullYear();
  // an annual report is sent for the year just finished
  const [year, setYear] = useState(thisYear - 1);
  const [busy, setBusy] = useState<string | null>(null);

  const download = async (name: ReportName, format: string) => {
    const params = new URLSearchParams();
    if (meetingId) params.set('meetingId', meetingId);
    else {
      if (scope.region) params.set('region', scope.region);
      if (scope.roadmapId) params.set('roadmapId', scope.roadmapId);
      if (scope.asOf) params.set('asOf', scope.asOf);
    }
    if (name === 'annual') params.set('year', String(year));
    const file = `${REPORTS[name].path}.${format}`;
    setBusy(`${name}.${format}`);
    try {
      await downloadFile(`/reports/${file}?${params}`, file);
    } catch (e) {
      notify(translate('app.reports.failed', { message: e instanceof Error ? e.message : String(e) }), {
        type: 'error',
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card component="section" aria-labelledby="reports-title" sx={{ mb: 2 }} data-testid="report-downloads">
      <CardContent>
        <Typography id="reports-title" component="h2" variant="h6" sx={{ mb: 1 }}>
          {translate('app.reports.title')}
        </Typography>
        {reports.includes('annual') && (
          <TextField
            select
            size="small"
            name="reportYear"
            label={translate('app.reports.year')}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            sx={{ minWidth: 160, mb: 1 }}
          >
            {[0, 1, 2, 3, 4].map((back) => (
              <MenuItem key={back} value={thisYear - back}>
                {thisYear - back}
              </MenuItem>
            ))}
          </TextField>
        )}
        {reports.map((name) => (
          <Box key={name} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
            {REPORTS[name].formats.map((format) => (
              <Button
                key={format}
                variant="outlined"
                size="small"
                disabled={busy !== null}
                onClick={() => void download(name, format)}
              >
                {translate('app.reports.download', {
                  report: translate(`app.reports.${name}`),
                  format: format.toUpperCase(),
                })}
              </Button>
            ))}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}
