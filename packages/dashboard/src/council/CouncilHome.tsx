import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';
import { formatDate, formatNumber } from '../resources/common';
import { type CouncilFigures, executionByAgency, loadCouncilFigures } from './councilData';

const REFRESH_MS = 60_000;

function Tile({ label, value, tone }: { label: string; value: string; tone?: 'bad' | 'good' }) {
  return (
    <Card component="section" aria-label={label} sx={{ minWidth: 200, flex: '1 1 200px' }}>
      <CardContent>
        <Typography component="h2" variant="subtitle1">
          {label}
        </Typography>
        <Typography
          component="p"
          variant="h3"
          data-testid={`tile-${label}`}
          sx={{ color: tone === 'bad' ? 'error.dark' : tone === 'good' ? 'success.dark' : 'text.primary' }}
        >
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** The Council's home page: tiles, roadmap execution by agency, late lists; refreshes every minute. */
export function CouncilHome() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { permissions = [] } = usePermissions<string[]>();
  const [figures, setFigures] = useState<CouncilFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [meeting, setMeeting] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const withDeadlines = permissions.includes('COORDINATOR');

  const load = useCallback(async () => {
    try {
      setFigures(await loadCouncilFigures(client, withDeadlines));
      setUpdatedAt(new Date());
      setError(null);
    } catch (e) {
      setError(toHttpError(e).message);
    }
  }, [withDeadlines]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    const onChange = () => setMeeting(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleMeeting = async () => {
    if (!meeting) {
      setMeeting(true);
      await root.current?.requestFullscreen?.().catch(() => undefined);
    } else {
      setMeeting(false);
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    }
  };

  const n = (value: number) => formatNumber(value, locale);
  const rows = figures ? executionByAgency(figures.obligations, '—') : [];
  const total = figures?.obligations.filter((o) => o.status !== 'CANCELLED').length ?? 0;
  const done = figures?.obligations.filter((o) => o.status === 'DONE').length ?? 0;
  const late = figures?.obligations.filter((o) => o.status === 'LATE').length ?? 0;

  return (
    <Box
      ref={root}
      data-testid="council-home"
      sx={{
        p: meeting ? 4 : 2,
        bgcolor: 'background.default',
        fontSize: meeting ? '1.4rem' : undefined,
        minHeight: meeting ? '100vh' : undefined,
        overflow: 'auto',
      }}
    >
      <Title title="app.council" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography component="h1" variant={meeting ? 'h3' : 'h5'} sx={{ flex: 1 }}>
          {translate('app.council')}
        </Typography>
        {updatedAt && (
          <Typography variant="body2" aria-live="polite">
            {translate('app.refreshed', { time: formatDate(updatedAt.toISOString(), locale, true) })}
          </Typography>
        )}
        <Button variant="contained" onClick={() => void toggleMeeting()}>
          {translate(meeting ? 'app.leave_meeting_mode' : 'app.meeting_mode')}
        </Button>
      </Box>
      {error && (
        <Typography role="alert" color="error.dark">
          {error}
        </Typography>
      )}
      {figures && (
        <>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 3 }}>
            <Tile label={translate('app.tiles.obligations')} value={n(total)} />
            <Tile
              label={translate('app.tiles.done')}
              value={`${n(done)} (${n(total ? Math.round((done / total) * 100) : 0)} %)`}
              tone="good"
            />
            <Tile label={translate('app.tiles.late')} value={n(late)} tone={late > 0 ? 'bad' : undefined} />
            <Tile
              label={translate('app.tiles.overdue_council')}
              value={n(figures.overdueDecisions)}
              tone={figures.overdueDecisions > 0 ? 'bad' : undefined}
            />
            {figures.lateApplicationDecisions && (
              <Tile
                label={translate('app.tiles.late_decisions')}
                value={n(figures.lateApplicationDecisions.length)}
                tone={figures.lateApplicationDecisions.length > 0 ? 'bad' : undefined}
              />
            )}
          </Box>
          <Card component="section" aria-labelledby="chart-execution" sx={{ mb: 3 }}>
            <CardContent>
              <Typography id="chart-execution" component="h2" variant="h6">
                {translate('app.charts.execution')}
              </Typography>
              <Box
                sx={{ width: '100%', height: meeting ? 480 : 320 }}
                role="img"
                aria-label={rows.map((r) => `${r.agency}: ${r.done} / ${r.late} / ${r.open}`).join('; ')}
              >
                <ResponsiveContainer>
                  <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 24 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis
                      type="category"
                      dataKey="agency"
                      width={220}
                      tick={{ fontSize: meeting ? 16 : 12 }}
                    />
                    <Tooltip />
                    <Legend />
                    <Bar
                      dataKey="done"
                      stackId="a"
                      name={translate('enums.ObligationStatus.DONE')}
                      fill="#1b5e20"
                    />
                    <Bar
                      dataKey="late"
                      stackId="a"
                      name={translate('enums.ObligationStatus.LATE')}
                      fill="#b71c1c"
                    />
                    <Bar
                      dataKey="open"
                      stackId="a"
                      name={translate('enums.ObligationStatus.IN_PROGRESS')}
                      fill="#0d47a1"
                    />
                  </BarChart>
                </ResponsiveContainer>
              </Box>
            </CardContent>
          </Card>
          <Card component="section" aria-labelledby="late-items">
            <CardContent>
              <Typography id="late-items" component="h2" variant="h6">
                {translate('app.late_items')}
              </Typography>
              {figures.late.length === 0 ? (
                <p>{translate('app.empty')}</p>
              ) : (
                <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                  <thead>
                    <tr>
                      <th scope="col" style={{ textAlign: 'left' }}>
                        {translate('resources.obligations.fields.measure')}
                      </th>
                      <th scope="col" style={{ textAlign: 'left' }}>
                        {translate('resources.obligations.fields.responsibleAgency')}
                      </th>
                      <th scope="col" style={{ textAlign: 'left' }}>
                        {translate('resources.obligations.fields.dueDate')}
                      </th>
                      <th scope="col" style={{ textAlign: 'right' }}>
                        {translate('resources.obligations.fields.daysOverdue')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.late.map((o) => (
                      <tr key={o.id}>
                        <td>{[o.item.number, o.item.measure].filter(Boolean).join(' ')}</td>
                        <td>{o.responsibleAgency?.name ?? '—'}</td>
                        <td>{formatDate(o.dueDate, locale)}</td>
                        <td style={{ textAlign: 'right' }}>{n(o.daysOverdue)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
}
