import { Alert, Box, Button, Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { can, granted } from '../../auth/authProvider';
import { formatSnils } from '../../case/format';
import { client } from '../../graphql/client';
import { toHttpError } from '../../graphql/errors';
import { formatDate, formatNumber } from '../../resources/common';
import type { PeopleCount } from '../councilData';
import {
  AREA_FIGURES,
  type AreaFigure,
  type AreaFigures,
  type Behind,
  FIGURE_LISTS,
  figureOf,
  type ListedFigure,
  loadMunicipality,
  loadPeopleBehind,
  type PersonRow,
} from './drilldownData';

const cell = { padding: '8px 12px', borderBottom: '1px solid #e0e0e0' } as const;

type Dimension = 'stage' | 'degree';

/** The people behind one count, for a reader allowed to see people: name, СНИЛС, birth date. */
function PeopleBehind({ municipality, asOf, by }: { municipality: string; asOf: string; by: Behind }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const [list, setList] = useState<{ total: number; people: PersonRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(by);
  useEffect(() => {
    // Another figure's list never stays on screen while this one loads, nor replaces it when late.
    let current = true;
    setList(null);
    setError(null);
    loadPeopleBehind(client, municipality, asOf, JSON.parse(key)).then(
      (loaded) => current && setList(loaded),
      (e: unknown) => current && setError(toHttpError(e).message),
    );
    return () => {
      current = false;
    };
  }, [municipality, asOf, key]);
  if (error)
    return (
      <Alert severity="error" role="alert">
        {error}
      </Alert>
    );
  if (!list) return <p>{translate('ra.page.loading')}</p>;
  const employers = list.people.some((p) => p.employer);
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', margin: '8px 0' }} data-testid="people-behind">
      <caption style={{ textAlign: 'left' }}>
        {translate('app.drilldown.people_shown', { shown: list.people.length, total: list.total })}
      </caption>
      <thead>
        <tr>
          <th scope="col" style={{ ...cell, textAlign: 'left' }}>
            {translate('app.drilldown.person')}
          </th>
          <th scope="col" style={{ ...cell, textAlign: 'left' }}>
            {translate('resources.recipients.fields.snils')}
          </th>
          <th scope="col" style={{ ...cell, textAlign: 'left' }}>
            {translate('resources.recipients.fields.birthDate')}
          </th>
          {employers && (
            <th scope="col" style={{ ...cell, textAlign: 'left' }}>
              {translate('app.drilldown.employer')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {list.people.map((p) => (
          <tr key={p.id}>
            <td style={cell}>
              <MuiLink component={Link} to={`/recipients/${p.id}/show`}>
                {p.fullName}
              </MuiLink>
            </td>
            <td style={cell}>{formatSnils(p.snils)}</td>
            <td style={cell}>{formatDate(p.birthDate, locale)}</td>
            {employers && <td style={cell}>{p.employer}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One breakdown (by stage, by degree): each count, and the list behind it for those allowed. */
function Breakdown({
  municipality,
  asOf,
  dimension,
  counts,
  people,
}: {
  municipality: string;
  asOf: string;
  dimension: Dimension;
  counts: PeopleCount[];
  people: boolean;
}) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const [open, setOpen] = useState<string | null>(null);
  const enumName = dimension === 'stage' ? 'StageKind' : 'AutonomyDegree';
  const label = (c: PeopleCount) => translate(`enums.${enumName}.${c.key}`, { _: c.label ?? c.key });
  const id = `breakdown-${dimension}`;
  return (
    <Card component="section" aria-labelledby={id} sx={{ flex: '1 1 420px' }}>
      <CardContent>
        <Typography id={id} component="h2" variant="h6">
          {translate(`app.drilldown.by_${dimension}`)}
        </Typography>
        {counts.length === 0 ? (
          <p>{translate('app.empty')}</p>
        ) : (
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {counts.map((c) => (
              <Box
                component="li"
                key={c.key}
                data-testid={`count-${dimension}-${c.key}`}
                sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}
              >
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
                  <Typography sx={{ flex: 1 }}>{label(c)}</Typography>
                  <Typography sx={{ fontWeight: 600 }} data-value={c.people}>
                    {formatNumber(c.people, locale)}
                  </Typography>
                  {people && c.people > 0 && (
                    <Button
                      size="small"
                      variant="outlined"
                      aria-expanded={open === c.key}
                      onClick={() => setOpen(open === c.key ? null : c.key)}
                    >
                      {translate(open === c.key ? 'app.drilldown.hide_people' : 'app.drilldown.show_people')}
                      <Box component="span" sx={visuallyHidden}>
                        {` — ${label(c)}`}
                      </Box>
                    </Button>
                  )}
                </Box>
                {people && open === c.key && (
                  <PeopleBehind
                    municipality={municipality}
                    asOf={asOf}
                    by={dimension === 'stage' ? { stage: c.key } : { degree: c.key }}
                  />
                )}
              </Box>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * One municipality's figures, as the Council page shows the region's; for roles allowed to see
 * people, the people behind each count of the stages and degrees. Others read the figures only.
 */
export function CouncilMunicipality() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { name = '' } = useParams();
  const [params] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const { permissions } = usePermissions<string[]>();
  const people = can.cases(permissions ?? []);
  // A figure's list is offered to the roles its query serves (the graph refuses the others).
  const listed = (f: AreaFigure): f is ListedFigure => {
    const access = FIGURE_LISTS[f];
    return access !== undefined && granted(permissions ?? [], access);
  };
  const [figure, setFigure] = useState<ListedFigure | null>(null);
  const [area, setArea] = useState<AreaFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Another municipality (or day) opened from the address bar starts afresh, no list open.
    let current = true;
    setArea(null);
    setFigure(null);
    setError(null);
    loadMunicipality(client, name, asOf).then(
      (loaded) => current && setArea(loaded),
      (e: unknown) => current && setError(toHttpError(e).message),
    );
    return () => {
      current = false;
    };
  }, [name, asOf]);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Box sx={{ p: 2 }} data-testid="council-municipality">
      <Title title={name} />
      <Typography component="h2" variant="h5" sx={{ mb: 1 }}>
        {name}
        {area && ` — ${translate('app.as_of', { date: formatDate(area.asOf, locale) })}`}
      </Typography>
      <Typography sx={{ mb: 2 }}>
        <MuiLink component={Link} to={`/council/municipalities${asOf ? `?asOf=${asOf}` : ''}`}>
          {translate('app.drilldown.back_to_list')}
        </MuiLink>
      </Typography>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {area && (
        <>
          <Box component="dl" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 3, mt: 0 }}>
            {AREA_FIGURES.map((f) => (
              // A group of a definition list may be a div, never a card's nested boxes.
              <Box
                key={f}
                sx={{
                  flex: '1 1 200px',
                  p: 2,
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 1,
                  bgcolor: 'background.paper',
                }}
              >
                <Typography component="dt" variant="subtitle1">
                  {translate(`app.drilldown.figures.${f}`)}
                </Typography>
                <Typography component="dd" variant="h4" sx={{ m: 0 }} data-testid={`figure-${f}`}>
                  {n(figureOf(area, f))}
                </Typography>
                {listed(f) && figureOf(area, f) > 0 && (
                  <Box component="dd" sx={{ m: 0, mt: 1 }}>
                    <Button
                      size="small"
                      variant="outlined"
                      aria-expanded={figure === f}
                      aria-controls={figure === f ? 'figure-people' : undefined}
                      onClick={() => setFigure(figure === f ? null : f)}
                    >
                      {translate(figure === f ? 'app.drilldown.hide_people' : 'app.drilldown.show_people')}
                      <Box component="span" sx={visuallyHidden}>
                        {` — ${translate(`app.drilldown.figures.${f}`)}`}
                      </Box>
                    </Button>
                  </Box>
                )}
              </Box>
            ))}
          </Box>
          {figure && (
            <Card component="section" id="figure-people" aria-labelledby="figure-people-title" sx={{ mb: 2 }}>
              <CardContent>
                <Typography id="figure-people-title" component="h2" variant="h6">
                  {translate('app.drilldown.people_behind', {
                    figure: translate(`app.drilldown.figures.${figure}`),
                  })}
                </Typography>
                <PeopleBehind municipality={name} asOf={area.asOf} by={{ figure }} />
              </CardContent>
            </Card>
          )}
          {!people && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('app.drilldown.figures_only')}
            </Alert>
          )}
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
            <Breakdown
              municipality={name}
              asOf={area.asOf}
              dimension="stage"
              counts={area.peopleByStage}
              people={people}
            />
            <Breakdown
              municipality={name}
              asOf={area.asOf}
              dimension="degree"
              counts={area.peopleByAutonomyDegree}
              people={people}
            />
          </Box>
        </>
      )}
    </Box>
  );
}
