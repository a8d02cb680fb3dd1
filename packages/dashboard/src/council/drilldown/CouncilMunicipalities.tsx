import { Alert, Box, Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import { client } from '../../graphql/client';
import { toHttpError } from '../../graphql/errors';
import { formatDate, formatNumber } from '../../resources/common';
import {
  AREA_FIGURES,
  type AreaFigure,
  type AreaFigures,
  figureOf,
  loadMunicipalities,
} from './drilldownData';

const cell = { padding: '8px 6px', borderBottom: '1px solid #e0e0e0' } as const;

/** Where a municipality's own page is, with the day the figures are counted on. */
export function municipalityPath(name: string, asOf?: string): string {
  return `/council/municipalities/${encodeURIComponent(name)}${asOf ? `?asOf=${asOf}` : ''}`;
}

/**
 * A region figure split by municipality: each row one municipality's figures (the chosen one
 * first by size), the region's total under them; a municipality's name opens its own page.
 */
export function CouncilMunicipalities() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const [params] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const chosen = (AREA_FIGURES as readonly string[]).includes(params.get('figure') ?? '')
    ? (params.get('figure') as AreaFigure)
    : 'peopleInStages';
  const [data, setData] = useState<{ region: AreaFigures; municipalities: AreaFigures[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadMunicipalities(client, asOf).then(setData, (e: unknown) => setError(toHttpError(e).message));
  }, [asOf]);
  const n = (v: number) => formatNumber(v, locale);
  const rows = [...(data?.municipalities ?? [])].sort(
    (a, b) => figureOf(b, chosen) - figureOf(a, chosen) || a.scope.localeCompare(b.scope, 'ru'),
  );
  return (
    <Box sx={{ p: 2, minWidth: 0, overflowX: 'auto' }} data-testid="council-municipalities">
      <Title title="app.drilldown.title" />
      <Typography component="h2" variant="h5" sx={{ mb: 1 }}>
        {translate('app.drilldown.title')}
        {data && ` — ${translate('app.as_of', { date: formatDate(data.region.asOf, locale) })}`}
      </Typography>
      <Typography sx={{ mb: 2 }}>
        <MuiLink component={Link} to="/council">
          {translate('app.drilldown.back_to_council')}
        </MuiLink>
      </Typography>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {data && (
        <Card>
          <CardContent sx={{ overflowX: 'auto' }}>
            <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="municipality-table">
              <caption style={{ textAlign: 'left', paddingBottom: 8 }}>
                {translate('app.drilldown.sorted_by', {
                  figure: translate(`app.drilldown.figures.${chosen}`),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                    {translate('app.council_scope.municipality')}
                  </th>
                  {AREA_FIGURES.map((f) => (
                    <th
                      key={f}
                      scope="col"
                      aria-sort={f === chosen ? 'descending' : undefined}
                      style={{
                        ...cell,
                        textAlign: 'right',
                        background: f === chosen ? '#e3f2fd' : undefined,
                      }}
                    >
                      <MuiLink component={Link} to={`?figure=${f}${asOf ? `&asOf=${asOf}` : ''}`} replace>
                        {translate(`app.drilldown.figures.${f}`)}
                      </MuiLink>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.scope} data-testid="municipality-row" data-municipality={m.scope}>
                    <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                      <MuiLink component={Link} to={municipalityPath(m.scope, asOf)}>
                        {m.scope}
                      </MuiLink>
                    </th>
                    {AREA_FIGURES.map((f) => (
                      <td key={f} data-figure={f} style={{ ...cell, textAlign: 'right' }}>
                        {n(figureOf(m, f))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="region-row">
                  <th scope="row" style={{ ...cell, textAlign: 'left' }}>
                    {translate('app.council_scope.region')}
                  </th>
                  {AREA_FIGURES.map((f) => (
                    <td key={f} data-figure={f} style={{ ...cell, textAlign: 'right', fontWeight: 600 }}>
                      {n(figureOf(data.region, f))}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
