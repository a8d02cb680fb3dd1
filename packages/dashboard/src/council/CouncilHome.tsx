import { Alert, Box, Button, Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';
import { ItemReference } from '../numbering/ItemReference';
import { ReportDownloads } from '../reports/ReportDownloads';
import { formatDate, formatNumber } from '../resources/common';
import { type CouncilFigures, type CouncilScope, loadCouncilFigures, targetOf } from './councilData';
import { ScopeFilter } from './ScopeFilter';

const REFRESH_MS = 60_000;
/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by legend too. */
const COLOURS = ['#0d47a1', '#1b5e20', '#b71c1c', '#6a1b9a', '#e65100', '#37474f'];

interface TileProps {
  id: string;
  label: string;
  value: number | null;
  text?: string;
  tone?: 'bad' | 'good';
  target?: string;
  /** Where the figure splits by municipality (the drill-down), when it does. */
  drill?: string;
}

function Tile({ id, label, value, text, tone, target, drill }: TileProps) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby={`tile-${id}-label`} sx={{ minWidth: 200, flex: '1 1 200px' }}>
      <CardContent>
        <Typography id={`tile-${id}-label`} component="h2" variant="subtitle1">
          {label}
        </Typography>
        <Typography
          component="p"
          variant="h3"
          data-testid={`tile-${id}`}
          data-value={value ?? ''}
          sx={{ color: tone === 'bad' ? 'error.dark' : tone === 'good' ? 'success.dark' : 'text.primary' }}
        >
          {text ?? '—'}
        </Typography>
        {target && <Typography variant="body2">{target}</Typography>}
        {drill && (
          <MuiLink
            component={Link}
            to={drill}
            variant="body2"
            aria-label={translate('app.drilldown.open_figure', { figure: label })}
          >
            {translate('app.drilldown.open')}
          </MuiLink>
        )}
      </CardContent>
    </Card>
  );
}

/** A chart with a heading, and a text summary for screen readers (the chart itself is an image). */
function Chart({
  id,
  title,
  summary,
  height,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  height: number;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby={`chart-${id}`} sx={{ flex: '1 1 420px', minWidth: 320 }}>
      <CardContent>
        <Typography id={`chart-${id}`} component="h2" variant="h6">
          {title}
        </Typography>
        {/* A chart with nothing to show (a municipality has no roadmap of its own) says so too. */}
        <Box
          sx={{ width: '100%', height }}
          role="img"
          aria-label={summary || translate('app.empty')}
          data-testid={`chart-${id}`}
        >
          <ResponsiveContainer>{children as never}</ResponsiveContainer>
        </Box>
      </CardContent>
    </Card>
  );
}

/**
 * The Council's home page: indicator tiles with their roadmap targets, the charts the Council
 * follows, the late measures and decisions; refreshes by itself, a full-screen meeting mode for the
 * projector, and the meeting brief to download.
 */
export function CouncilHome() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const [figures, setFigures] = useState<CouncilFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const navigate = useNavigate();
  const [scope, setScope] = useState<CouncilScope>({});

  const load = useCallback(async () => {
    try {
      setFigures(await loadCouncilFigures(client, scope));
      setUpdatedAt(new Date());
      setError(null);
    } catch (e) {
      setError(toHttpError(e).message);
    }
  }, [scope]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    // Back on the page after a while (another tab, a sleeping laptop): fresh figures at once.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  const n = (value: number | null | undefined) => (value == null ? '—' : formatNumber(value, locale));
  const ind = figures?.indicators;
  const target = (field: string) => {
    const t = ind && targetOf(ind, field);
    return t
      ? translate('app.target', {
          comparator: translate(`enums.Comparator.${t.comparator}`),
          value: n(t.value),
          unit: t.unit ?? '',
          item: t.itemNumber,
        }).trim()
      : undefined;
  };
  const stageName = (key: string) => translate(`enums.StageKind.${key}`, { _: key });
  const stageKeys = [...new Set(figures?.series.flatMap((s) => s.peopleByStage.map((p) => p.key)) ?? [])];
  const seriesRows =
    figures?.series.map((s) => ({
      month: formatDate(s.asOf, locale),
      ...Object.fromEntries(s.peopleByStage.map((p) => [p.key, p.people])),
    })) ?? [];
  const degreeRows =
    ind?.peopleByAutonomyDegree.map((p) => ({
      name: translate(`enums.AutonomyDegree.${p.key}`, { _: p.label ?? p.key }),
      people: p.people,
    })) ?? [];
  const housingRows =
    ind?.housing.map((h) => ({
      name: translate(`enums.HousingKind.${h.kind}`, { _: h.kind }),
      occupied: h.occupied,
      free: Math.max(0, h.places - h.occupied),
    })) ?? [];
  const agencyRows =
    ind?.roadmapByAgency?.map((a) => ({
      agency: a.agencyName ?? '—',
      done: a.done,
      inProgress: a.inProgress,
      notStarted: a.notStarted,
      late: a.late,
    })) ?? [];
  // Each bar is one ministry's own figure, resolved by the subgraph that owns it.
  const workRows = ind
    ? [
        { name: translate('app.charts.employed'), people: ind.peopleEmployed },
        { name: translate('app.charts.supported_employment'), people: ind.peopleInSupportedEmployment },
        { name: translate('app.charts.quota_jobs'), people: ind.peopleOnQuotaJobs },
        { name: translate('app.charts.unemployed'), people: ind.registeredUnemployed ?? 0 },
        { name: translate('app.charts.in_education'), people: ind.peopleInEducation ?? 0 },
      ]
    : [];
  const totals = ind?.roadmapTotals;
  const share = ind?.applications.shareDecidedOnTime;
  const tick = { fontSize: 12 };
  // Region figures split by municipality; a municipality's own figures are one link further.
  const drill = (figure: string) =>
    scope.municipality
      ? `/council/municipalities/${encodeURIComponent(scope.municipality)}${scope.asOf ? `?asOf=${scope.asOf}` : ''}`
      : `/council/municipalities?figure=${figure}${scope.asOf ? `&asOf=${scope.asOf}` : ''}`;
  const chartHeight = 300;

  return (
    <Box data-testid="council-home" sx={{ p: 2, bgcolor: 'background.default', overflow: 'auto' }}>
      <Title title="app.council" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography component="h2" variant="h5" sx={{ flex: 1 }}>
          {translate('app.council')}
          {ind && ` — ${translate('app.as_of', { date: formatDate(ind.asOf, locale) })}`}
        </Typography>
        {updatedAt && (
          <Typography variant="body2" aria-live="polite">
            {translate('app.refreshed', { time: formatDate(updatedAt.toISOString(), locale, true) })}
          </Typography>
        )}
        <Button variant="outlined" onClick={() => void load()}>
          {translate('app.refresh')}
        </Button>
        <Button variant="outlined" component={Link} to={drill('peopleInStages')}>
          {translate('app.drilldown.open')}
        </Button>
        {/* The projector's slides (council/meeting-mode), a screen of their own. */}
        <Button variant="contained" onClick={() => navigate('/meeting')}>
          {translate('app.meeting_mode')}
        </Button>
      </Box>
      <ScopeFilter scope={scope} onChange={setScope} />
      <ReportDownloads scope={scope} reports={['annual', 'albrecht', 'brief']} />
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {ind && figures && (
        <>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 3 }}>
            <Tile
              id="peopleIdentified"
              label={translate('app.tiles.people_identified')}
              value={ind.peopleIdentified}
              text={n(ind.peopleIdentified)}
              target={target('peopleIdentified')}
            />
            <Tile
              id="trainingFlatPlaces"
              drill={drill('trainingFlatPlaces')}
              label={translate('app.tiles.training_places')}
              value={ind.trainingFlatPlaces}
              text={n(ind.trainingFlatPlaces)}
              target={target('trainingFlatPlaces')}
            />
            <Tile
              id="trainingFlatOccupied"
              drill={drill('trainingFlatOccupied')}
              label={translate('app.tiles.training_occupied')}
              value={ind.trainingFlatOccupied}
              text={n(ind.trainingFlatOccupied)}
              target={target('trainingFlatOccupied')}
            />
            <Tile
              id="shareDecidedOnTime"
              label={translate('app.tiles.decided_on_time')}
              value={share ?? null}
              text={share == null ? '—' : `${n(Math.round(share * 1000) / 10)} %`}
              target={target('shareDecidedOnTime')}
            />
            <Tile
              id="roadmapDone"
              label={translate('app.tiles.done')}
              value={totals?.done ?? null}
              text={totals ? `${n(totals.done)} / ${n(totals.total)}` : '—'}
              tone="good"
            />
            <Tile
              id="roadmapLate"
              label={translate('app.tiles.late')}
              value={totals?.late ?? null}
              text={n(totals?.late)}
              tone={(totals?.late ?? 0) > 0 ? 'bad' : undefined}
            />
            <Tile
              id="councilDecisionsOverdue"
              label={translate('app.tiles.overdue_council')}
              value={ind.councilDecisionsOverdue}
              text={n(ind.councilDecisionsOverdue)}
              tone={(ind.councilDecisionsOverdue ?? 0) > 0 ? 'bad' : undefined}
            />
            <Tile
              id="reassessmentsOverdue"
              drill={drill('reassessmentsOverdue')}
              label={translate('app.tiles.reassessments_overdue')}
              value={ind.reassessmentsOverdue}
              text={n(ind.reassessmentsOverdue)}
              tone={ind.reassessmentsOverdue > 0 ? 'bad' : undefined}
            />
          </Box>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 3 }}>
            <Chart
              id="execution"
              title={translate('app.charts.execution')}
              height={Math.max(chartHeight, agencyRows.length * 36)}
              summary={agencyRows
                .map((r) =>
                  translate('app.charts.execution_row', {
                    agency: r.agency,
                    done: r.done,
                    late: r.late,
                    open: r.inProgress + r.notStarted,
                  }),
                )
                .join('; ')}
            >
              <BarChart data={agencyRows} layout="vertical" margin={{ left: 24, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} tick={tick} />
                <YAxis type="category" dataKey="agency" width={220} tick={tick} />
                <Tooltip />
                <Legend />
                <Bar
                  dataKey="done"
                  stackId="a"
                  name={translate('enums.ObligationStatus.DONE')}
                  fill="#1b5e20"
                />
                <Bar
                  dataKey="inProgress"
                  stackId="a"
                  name={translate('enums.ObligationStatus.IN_PROGRESS')}
                  fill="#0d47a1"
                />
                <Bar
                  dataKey="notStarted"
                  stackId="a"
                  name={translate('enums.ObligationStatus.NOT_STARTED')}
                  fill="#607d8b"
                />
                <Bar
                  dataKey="late"
                  stackId="a"
                  name={translate('enums.ObligationStatus.LATE')}
                  fill="#b71c1c"
                />
              </BarChart>
            </Chart>
            <Chart
              id="stages"
              title={translate('app.charts.stages')}
              height={chartHeight}
              summary={
                seriesRows.length > 0
                  ? stageKeys
                      .map(
                        (k) =>
                          `${stageName(k)}: ${n(
                            Number(
                              (seriesRows[seriesRows.length - 1] as Record<string, unknown> | undefined)?.[
                                k
                              ] ?? 0,
                            ),
                          )}`,
                      )
                      .join('; ')
                  : translate('app.empty')
              }
            >
              <LineChart data={seriesRows} margin={{ left: 8, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="month" tick={tick} />
                <YAxis allowDecimals={false} tick={tick} />
                <Tooltip />
                <Legend />
                {stageKeys.map((k, i) => (
                  <Line
                    key={k}
                    type="monotone"
                    dataKey={k}
                    name={stageName(k)}
                    stroke={COLOURS[i % COLOURS.length]}
                    strokeWidth={3}
                    strokeDasharray={i === 0 ? undefined : `${4 + i * 3} ${3}`}
                  />
                ))}
              </LineChart>
            </Chart>
            <Chart
              id="degrees"
              title={translate('app.charts.degrees')}
              height={chartHeight}
              summary={
                degreeRows.map((r) => `${r.name}: ${n(r.people)}`).join('; ') || translate('app.empty')
              }
            >
              <BarChart data={degreeRows} margin={{ left: 8, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" tick={tick} />
                <YAxis allowDecimals={false} tick={tick} />
                <Tooltip />
                <Bar dataKey="people" name={translate('app.charts.people')} fill="#0d47a1" />
              </BarChart>
            </Chart>
            <Chart
              id="housing"
              title={translate('app.charts.housing')}
              height={Math.max(chartHeight, housingRows.length * 36)}
              summary={
                housingRows
                  .map((r) =>
                    translate('app.charts.housing_row', { kind: r.name, occupied: r.occupied, free: r.free }),
                  )
                  .join('; ') || translate('app.empty')
              }
            >
              <BarChart data={housingRows} layout="vertical" margin={{ left: 24, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} tick={tick} />
                <YAxis type="category" dataKey="name" width={200} tick={tick} />
                <Tooltip />
                <Legend />
                <Bar dataKey="occupied" stackId="h" name={translate('app.charts.occupied')} fill="#0d47a1" />
                <Bar dataKey="free" stackId="h" name={translate('app.charts.free')} fill="#607d8b" />
              </BarChart>
            </Chart>
          </Box>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 3 }}>
            <Chart
              id="employment"
              title={translate('app.charts.employment')}
              height={Math.max(chartHeight, workRows.length * 40)}
              summary={workRows.map((r) => `${r.name}: ${n(r.people)}`).join('; ')}
            >
              <BarChart data={workRows} layout="vertical" margin={{ left: 24, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} tick={tick} />
                <YAxis type="category" dataKey="name" width={240} tick={tick} />
                <Tooltip />
                <Bar dataKey="people" name={translate('app.charts.people')} fill="#1b5e20" />
              </BarChart>
            </Chart>
          </Box>
          <Card component="section" aria-labelledby="late-items" sx={{ mb: 3 }}>
            <CardContent>
              <Typography id="late-items" component="h2" variant="h6">
                {translate('app.late_items')} ({n(figures.lateTotal)})
              </Typography>
              {figures.lateTotal > figures.late.length && (
                <Link
                  to={`/obligations?filter=${encodeURIComponent(
                    JSON.stringify({
                      status: 'LATE',
                      ...(scope.region ? { region: scope.region } : {}),
                      ...(scope.roadmapId ? { roadmapId: scope.roadmapId } : {}),
                    }),
                  )}`}
                >
                  {translate('app.roadmap_scope.all_late', { count: n(figures.lateTotal) })}
                </Link>
              )}
              {figures.late.length === 0 ? (
                <p>{translate('app.empty')}</p>
              ) : (
                <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="late-items">
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
                        <td>
                          <ItemReference item={o.item} />
                        </td>
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
          <Card component="section" aria-labelledby="late-decisions">
            <CardContent>
              <Typography id="late-decisions" component="h2" variant="h6">
                {translate('app.late_decisions')}
              </Typography>
              {figures.lateDecisions.length === 0 ? (
                <p>{translate('app.empty')}</p>
              ) : (
                <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                  <thead>
                    <tr>
                      <th scope="col" style={{ textAlign: 'left' }}>
                        {translate('resources.councilDecisions.fields.number')}
                      </th>
                      <th scope="col" style={{ textAlign: 'left' }}>
                        {translate('resources.councilDecisions.fields.text')}
                      </th>
                      <th scope="col" style={{ textAlign: 'left' }}>
                        {translate('resources.councilDecisions.fields.assignee')}
                      </th>
                      <th scope="col" style={{ textAlign: 'left' }}>
                        {translate('resources.councilDecisions.fields.dueDate')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.lateDecisions.map((d) => (
                      <tr key={d.id}>
                        <td>{d.reference}</td>
                        <td>{d.text}</td>
                        <td>{d.assignee?.name ?? '—'}</td>
                        <td>{formatDate(d.dueDate, locale)}</td>
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
