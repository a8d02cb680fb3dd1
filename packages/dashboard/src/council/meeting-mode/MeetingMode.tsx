import { gql } from '@apollo/client';
import { Alert, Box, Button, LinearProgress, Typography } from '@mui/material';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { client } from '../../graphql/client';
import { toHttpError } from '../../graphql/errors';
import { formatDate, formatNumber } from '../../resources/common';
import { type CouncilFigures, type IndicatorTarget, loadCouncilFigures } from '../councilData';

/**
 * The Council's meeting on a projector: one full-screen slide at a time (agenda, figures against
 * their targets, late roadmap measures by agency, decisions due and overdue), sized for 1920×1080
 * read from the back of a room. Nothing scrolls: each slide shows what fits and says how many more
 * there are. Arrows (and PageUp/PageDown, Space) move between slides; Esc leaves.
 */

interface MeetingDecision {
  id: string;
  number: string | null;
  text: string;
  dueDate: string;
  overdue: boolean;
  assignee: { name: string } | null;
}
interface LatestMeeting {
  heldOn: string;
  agenda: string;
  attendees: string[];
  protocolNumber: string | null;
}

const MEETING_DATA = gql`
  query MeetingModeData {
    councilMeetings(first: 1) {
      edges { node { heldOn agenda attendees protocolNumber } }
    }
    councilDecisions(first: 200, filter: { status: "OPEN" }) {
      edges { node { id number text dueDate overdue assignee { name } } }
    }
  }
`;

/** Decisions whose deadline falls in the next month are "due"; past it, "overdue". */
const DUE_DAYS = 30;
/** Rows a slide's list holds at 1920×1080 at the slide's type size. */
const ROWS = 6;
/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), named in the legend too. */
const STATUS_COLOURS = { done: '#1b5e20', inProgress: '#0d47a1', notStarted: '#546e7a', late: '#b71c1c' };

const clamp = (lines: number) => ({
  display: '-webkit-box',
  WebkitLineClamp: lines,
  WebkitBoxOrient: 'vertical' as const,
  overflow: 'hidden',
});

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function Slide({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box
      component="section"
      aria-labelledby="slide-title"
      sx={{
        flex: 1,
        minHeight: 0,
        display: 'flex',
        flexDirection: 'column',
        px: 8,
        pt: 5,
        overflow: 'hidden',
      }}
    >
      <Typography
        id="slide-title"
        component="h1"
        sx={{ fontSize: 56, fontWeight: 700, lineHeight: 1.15, mb: 4 }}
      >
        {title}
      </Typography>
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>
        {children}
      </Box>
    </Box>
  );
}

function AgendaSlide({ meeting }: { meeting: LatestMeeting | null }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  if (!meeting) {
    return (
      <Slide title={translate('app.meeting.agenda')}>
        <Typography sx={{ fontSize: 36 }}>{translate('app.meeting.no_meeting')}</Typography>
      </Slide>
    );
  }
  // Each agenda line once (a repeated line is a key React needs unique).
  const items = [
    ...new Set(
      meeting.agenda
        .split(/\n+/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  return (
    <Slide
      title={`${translate('app.meeting.agenda')} — ${formatDate(meeting.heldOn, locale)}${
        meeting.protocolNumber
          ? `, ${translate('app.council_admin.protocol_no', { no: meeting.protocolNumber })}`
          : ''
      }`}
    >
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', fontSize: 40, lineHeight: 1.3 }}>
        {items.slice(0, ROWS).map((line, i) => (
          // A clamped line is no list item to CSS (no marker): the number is written out.
          <Box component="li" key={line} sx={{ mb: 2, ...clamp(2) }}>
            {`${i + 1}. ${line.replace(/^\d+[.)]\s*/, '')}`}
          </Box>
        ))}
      </Box>
      {items.length > ROWS && (
        <Typography sx={{ fontSize: 32 }}>
          {translate('app.meeting.more', { smart_count: items.length - ROWS })}
        </Typography>
      )}
      {meeting.attendees.length > 0 && (
        <Typography sx={{ fontSize: 28, mt: 'auto', mb: 2, color: 'text.secondary', ...clamp(2) }}>
          {translate('app.meeting.attendees')}: {meeting.attendees.join(', ')}
        </Typography>
      )}
    </Slide>
  );
}

interface Figure {
  key: string;
  label: string;
  value: number | null;
  unit?: string;
  target?: IndicatorTarget;
  bad?: boolean;
}

function FigureCard({ figure }: { figure: Figure }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const n = (v: number | null | undefined) => (v == null ? '—' : formatNumber(v, locale));
  const t = figure.target;
  const share =
    t && figure.value != null && t.value > 0 ? Math.min(100, (figure.value / t.value) * 100) : null;
  return (
    <Box
      component="section"
      aria-labelledby={`figure-${figure.key}`}
      data-testid={`figure-${figure.key}`}
      sx={{
        border: 2,
        borderColor: 'divider',
        borderRadius: 2,
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        minWidth: 0,
        minHeight: 0,
      }}
    >
      <Typography
        id={`figure-${figure.key}`}
        component="h2"
        sx={{ fontSize: 28, lineHeight: 1.2, ...clamp(2) }}
      >
        {figure.label}
      </Typography>
      <Typography
        sx={{
          fontSize: 72,
          fontWeight: 700,
          lineHeight: 1.1,
          color: figure.bad ? 'error.dark' : 'text.primary',
        }}
      >
        {n(figure.value)}
        {figure.unit ?? ''}
      </Typography>
      {t ? (
        <>
          <Typography sx={{ fontSize: 26 }}>
            {translate('app.meeting.target')}: {translate(`enums.Comparator.${t.comparator}`)} {n(t.value)}{' '}
            {t.unit ?? ''}
          </Typography>
          {share !== null && (
            <LinearProgress
              variant="determinate"
              value={share}
              aria-label={`${Math.round(share)} %`}
              sx={{ height: 14, borderRadius: 7, mt: 1 }}
            />
          )}
        </>
      ) : null}
    </Box>
  );
}

function FiguresSlide({ figures }: { figures: CouncilFigures }) {
  const translate = useTranslate();
  const ind = figures.indicators;
  const target = (field: string) => ind.targets.find((t) => t.indicator === field);
  const inLiving = ind.peopleByStage.reduce((sum, s) => sum + s.people, 0);
  const list: Figure[] = [
    {
      key: 'peopleIdentified',
      label: translate('app.tiles.people_identified'),
      value: ind.peopleIdentified,
      target: target('peopleIdentified'),
    },
    { key: 'people', label: translate('app.tiles.people'), value: inLiving },
    {
      key: 'trainingFlatPlaces',
      label: translate('app.tiles.training_places'),
      value: ind.trainingFlatPlaces,
      target: target('trainingFlatPlaces'),
    },
    {
      key: 'shareDecidedOnTime',
      label: translate('app.tiles.decided_on_time'),
      value:
        ind.applications.shareDecidedOnTime == null
          ? null
          : Math.round(ind.applications.shareDecidedOnTime * 100),
      unit: ' %',
      target: target('shareDecidedOnTime'),
    },
    {
      key: 'peopleEmployed',
      label: translate('app.charts.employed'),
      value: ind.peopleEmployed,
      target: target('peopleEmployed'),
    },
    {
      key: 'peopleInEducation',
      label: translate('app.charts.in_education'),
      value: ind.peopleInEducation,
      target: target('peopleInEducation'),
    },
    {
      key: 'reassessmentsOverdue',
      label: translate('app.tiles.reassessments_overdue'),
      value: ind.reassessmentsOverdue,
      bad: ind.reassessmentsOverdue > 0,
    },
    {
      key: 'councilDecisionsOverdue',
      label: translate('app.tiles.overdue_council'),
      value: ind.councilDecisionsOverdue,
      bad: (ind.councilDecisionsOverdue ?? 0) > 0,
    },
  ];
  return (
    <Slide title={translate('app.meeting.figures')}>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(4, 1fr)',
          gridAutoRows: '1fr',
          gap: 3,
          flex: 1,
          minHeight: 0,
          mb: 3,
        }}
      >
        {list.map((f) => (
          <FigureCard key={f.key} figure={f} />
        ))}
      </Box>
    </Slide>
  );
}

function LateSlide({ figures }: { figures: CouncilFigures }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const rows = (figures.indicators.roadmapByAgency ?? [])
    .filter((a) => a.total > 0)
    .sort((a, b) => b.late - a.late || b.total - a.total)
    .slice(0, 7)
    .map((a) => ({
      agency: shorten(a.agencyName ?? '—', 28),
      done: a.done,
      inProgress: a.inProgress,
      notStarted: a.notStarted,
      late: a.late,
    }));
  const summary = rows
    .map((r) =>
      translate('app.charts.execution_row', {
        agency: r.agency,
        done: r.done,
        late: r.late,
        open: r.inProgress + r.notStarted,
      }),
    )
    .join('; ');
  const late = figures.late.slice(0, 4);
  return (
    <Slide title={translate('app.meeting.late_items')}>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1.1fr 1fr', gap: 5, flex: 1, minHeight: 0, mb: 3 }}>
        <Box role="img" aria-label={summary} sx={{ minHeight: 0 }} data-testid="late-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={rows}
              layout="vertical"
              maxBarSize={72}
              margin={{ left: 24, right: 24, top: 8, bottom: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 22 }} />
              <YAxis type="category" dataKey="agency" width={400} tick={{ fontSize: 22 }} interval={0} />
              <Legend wrapperStyle={{ fontSize: 22 }} />
              <Bar
                dataKey="late"
                stackId="a"
                isAnimationActive={false}
                name={translate('enums.ObligationStatus.LATE')}
                fill={STATUS_COLOURS.late}
              />
              <Bar
                dataKey="inProgress"
                stackId="a"
                isAnimationActive={false}
                name={translate('enums.ObligationStatus.IN_PROGRESS')}
                fill={STATUS_COLOURS.inProgress}
              />
              <Bar
                dataKey="notStarted"
                stackId="a"
                isAnimationActive={false}
                name={translate('enums.ObligationStatus.NOT_STARTED')}
                fill={STATUS_COLOURS.notStarted}
              />
              <Bar
                dataKey="done"
                stackId="a"
                isAnimationActive={false}
                name={translate('enums.ObligationStatus.DONE')}
                fill={STATUS_COLOURS.done}
              />
            </BarChart>
          </ResponsiveContainer>
        </Box>
        <Box sx={{ minHeight: 0, overflow: 'hidden' }}>
          {late.length === 0 ? (
            <Typography sx={{ fontSize: 36 }}>{translate('app.meeting.nothing_late')}</Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {late.map((o) => (
                <Box
                  component="li"
                  key={o.id}
                  sx={{ mb: 2.5, borderLeft: 8, borderColor: 'error.main', pl: 2 }}
                >
                  <Typography sx={{ fontSize: 28, lineHeight: 1.25, ...clamp(2) }}>
                    {[o.item.number, o.item.measure].filter(Boolean).join(' ')}
                  </Typography>
                  <Typography sx={{ fontSize: 24, color: 'text.secondary', ...clamp(1) }}>
                    {formatDate(o.dueDate, locale)} ·{' '}
                    {translate('app.days_late', { smart_count: o.daysOverdue })} ·{' '}
                    {o.responsibleAgency?.name ?? '—'}
                  </Typography>
                </Box>
              ))}
            </Box>
          )}
          {figures.lateTotal > late.length && (
            <Typography sx={{ fontSize: 26 }}>
              {translate('app.meeting.more', { smart_count: figures.lateTotal - late.length })}
            </Typography>
          )}
        </Box>
      </Box>
    </Slide>
  );
}

function DecisionColumn({
  title,
  decisions,
  late,
}: {
  title: string;
  decisions: MeetingDecision[];
  late?: boolean;
}) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const shown = decisions.slice(0, 4);
  return (
    <Box
      component="section"
      aria-labelledby={`col-${late ? 'late' : 'due'}`}
      sx={{ minHeight: 0, overflow: 'hidden' }}
    >
      <Typography
        id={`col-${late ? 'late' : 'due'}`}
        component="h2"
        sx={{ fontSize: 36, fontWeight: 600, mb: 2 }}
      >
        {title}: {decisions.length}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {shown.map((d) => (
          <Box
            component="li"
            key={d.id}
            sx={{ mb: 2.5, borderLeft: 8, borderColor: late ? 'error.main' : 'warning.main', pl: 2 }}
          >
            <Typography sx={{ fontSize: 28, lineHeight: 1.25, ...clamp(2) }}>
              {d.number ? `${d.number}. ` : ''}
              {d.text}
            </Typography>
            <Typography sx={{ fontSize: 24, color: 'text.secondary', ...clamp(1) }}>
              {translate('resources.councilDecisions.fields.dueDate')} {formatDate(d.dueDate, locale)} ·{' '}
              {d.assignee?.name ?? '—'}
            </Typography>
          </Box>
        ))}
      </Box>
      {decisions.length > shown.length && (
        <Typography sx={{ fontSize: 26 }}>
          {translate('app.meeting.more', { smart_count: decisions.length - shown.length })}
        </Typography>
      )}
    </Box>
  );
}

function DecisionsSlide({ decisions, asOf }: { decisions: MeetingDecision[]; asOf: string }) {
  const translate = useTranslate();
  const horizon = new Date(new Date(`${asOf}T00:00:00Z`).getTime() + DUE_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const overdue = decisions.filter((d) => d.overdue).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const due = decisions
    .filter((d) => !d.overdue && d.dueDate <= horizon)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <Slide title={translate('app.meeting.decisions')}>
      {overdue.length + due.length === 0 ? (
        <Typography sx={{ fontSize: 36 }}>{translate('app.meeting.nothing_due')}</Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6, flex: 1, minHeight: 0 }}>
          <DecisionColumn title={translate('app.meeting.overdue')} decisions={overdue} late />
          <DecisionColumn title={translate('app.meeting.due_soon')} decisions={due} />
        </Box>
      )}
    </Slide>
  );
}

export function MeetingMode() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const root = useRef<HTMLDivElement>(null);
  const [figures, setFigures] = useState<CouncilFigures | null>(null);
  const [meeting, setMeeting] = useState<LatestMeeting | null>(null);
  const [decisions, setDecisions] = useState<MeetingDecision[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const slides = 4;

  useEffect(() => {
    Promise.all([loadCouncilFigures(client), client.query({ query: MEETING_DATA })])
      .then(([f, m]) => {
        const data = m.data as {
          councilMeetings: { edges: { node: LatestMeeting }[] };
          councilDecisions: { edges: { node: MeetingDecision }[] };
        };
        setFigures(f);
        setMeeting(data.councilMeetings.edges[0]?.node ?? null);
        setDecisions(data.councilDecisions.edges.map((e) => e.node));
      })
      .catch((e: unknown) => setError(toHttpError(e).message));
  }, []);

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    navigate('/');
  }, [navigate]);

  useEffect(() => {
    // Entered by a click: the browser still counts it as the user's gesture, so full screen is allowed.
    root.current?.requestFullscreen?.().catch(() => undefined);
    root.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (['ArrowRight', 'PageDown', ' '].includes(event.key)) setIndex((i) => Math.min(slides - 1, i + 1));
      else if (['ArrowLeft', 'PageUp'].includes(event.key)) setIndex((i) => Math.max(0, i - 1));
      else if (event.key === 'Home') setIndex(0);
      else if (event.key === 'End') setIndex(slides - 1);
      else if (event.key === 'Escape') leave();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [leave]);

  const slide = !figures ? null : index === 0 ? (
    <AgendaSlide meeting={meeting} />
  ) : index === 1 ? (
    <FiguresSlide figures={figures} />
  ) : index === 2 ? (
    <LateSlide figures={figures} />
  ) : (
    <DecisionsSlide decisions={decisions} asOf={figures.indicators.asOf} />
  );

  return (
    <Box
      ref={root}
      tabIndex={-1}
      data-testid="meeting-mode"
      data-slide={index + 1}
      component="main"
      sx={{
        position: 'fixed',
        inset: 0,
        bgcolor: '#fff',
        color: '#111',
        display: 'flex',
        flexDirection: 'column',
        overflow: 'hidden',
        outline: 'none',
      }}
    >
      {error && (
        <Alert severity="error" role="alert" sx={{ fontSize: 28, m: 4 }}>
          {error}
        </Alert>
      )}
      {!figures && !error && (
        <Box sx={{ m: 8 }}>
          <Typography component="h1" sx={{ fontSize: 56 }}>
            {translate('app.meeting.title')}
          </Typography>
          <LinearProgress aria-label={translate('ra.page.loading')} />
        </Box>
      )}
      {slide && (
        <Box
          data-testid="slide"
          sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}
        >
          {slide}
        </Box>
      )}
      <Box
        component="nav"
        aria-label={translate('app.meeting.title')}
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 3,
          px: 8,
          py: 2,
          borderTop: 1,
          borderColor: 'divider',
          fontSize: 24,
        }}
      >
        <Typography sx={{ fontSize: 24 }} aria-live="polite">
          {translate('app.meeting.slide_of', { n: index + 1, total: slides })}
        </Typography>
        <Typography sx={{ fontSize: 22, color: 'text.secondary', flex: 1 }}>
          {translate('app.meeting.keys')}
        </Typography>
        <Button
          size="large"
          variant="outlined"
          disabled={index === 0}
          onClick={() => setIndex((i) => Math.max(0, i - 1))}
        >
          {translate('app.meeting.prev')}
        </Button>
        <Button
          size="large"
          variant="outlined"
          disabled={index === slides - 1}
          onClick={() => setIndex((i) => Math.min(slides - 1, i + 1))}
        >
          {translate('app.meeting.next')}
        </Button>
        <Button size="large" variant="contained" onClick={leave}>
          {translate('app.meeting.leave')}
        </Button>
      </Box>
    </Box>
  );
}
